package kz.zhedel.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An IT class on the shared stack whose responders are all paged through one webhook receiver: it joins the stack
 * before its tests and afterwards ends the shifts it scheduled (see {@link Api#endShifts()}) and closes the receiver.
 */
abstract class OnePager {

    static Stack stack;
    static Api api;
    static WebhookReceiver pager;

    @BeforeAll
    static void joinStack() {
        stack = Stack.get();
        api = new Api(stack);
        pager = new WebhookReceiver();
    }

    @AfterAll
    static void leaveStack() {
        api.endShifts();
        pager.close();
    }
}
