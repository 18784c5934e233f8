package kz.zhedel.e2e;

import org.junit.jupiter.api.BeforeAll;

/** An IT class on the shared stack whose responders are all paged through one webhook receiver. */
abstract class OnePager extends OnTheStack {

    static WebhookReceiver pager;

    @BeforeAll
    static void onePager() {
        pager = receiver();
    }
}
