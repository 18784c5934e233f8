package kz.zhedel.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An IT class on the shared stack: it joins the stack before its tests; afterwards it ends the shifts it scheduled
 * (see {@link Api#endShifts()}), then closes the webhook receivers it took from {@link #receiver()}.
 */
abstract class OnTheStack {

    static Stack stack;
    static Api api;

    private static final List<WebhookReceiver> RECEIVERS = new ArrayList<>();

    @BeforeAll
    static void joinStack() {
        stack = Stack.get();
        api = new Api(stack);
    }

    /** A webhook receiver for a responder's pages, open until the class's shifts have ended. */
    static WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        RECEIVERS.add(receiver);
        return receiver;
    }

    @AfterAll
    static void leaveStack() {
        api.endShifts();
        RECEIVERS.forEach(WebhookReceiver::close);
        RECEIVERS.clear();
    }
}
