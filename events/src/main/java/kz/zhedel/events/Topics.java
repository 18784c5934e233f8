package kz.zhedel.events;

/** Kafka topics; each is owned (written) by exactly one service. */
public final class Topics {

    /** Written by intake-service. */
    public static final String INCIDENTS = "zhedel.incidents.v1";
    /** Written by dispatch-service. */
    public static final String DISPATCH = "zhedel.dispatch.v1";
    /** Written by notification-service. */
    public static final String NOTIFICATIONS = "zhedel.notifications.v1";

    /** Each service's dead-letter topic: the records it can never apply, with the reason in their headers. */
    public static final String INTAKE_DEAD_LETTERS = deadLetters("intake");
    public static final String DISPATCH_DEAD_LETTERS = deadLetters("dispatch");
    public static final String NOTIFICATION_DEAD_LETTERS = deadLetters("notification");
    public static final String REPORTING_DEAD_LETTERS = deadLetters("reporting");

    /** {@code zhedel.<service>.dlq}, e.g. {@code zhedel.dispatch.dlq}; written only by that service. */
    public static String deadLetters(String service) {
        return "zhedel." + service + ".dlq";
    }

    private Topics() {
    }
}
