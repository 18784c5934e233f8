package kz.zhedel.events;

/** Kafka topics; each is owned (written) by exactly one service. */
public final class Topics {

    /** Written by intake-service. */
    public static final String INCIDENTS = "zhedel.incidents.v1";
    /** Written by dispatch-service. */
    public static final String DISPATCH = "zhedel.dispatch.v1";
    /** Written by notification-service. */
    public static final String NOTIFICATIONS = "zhedel.notifications.v1";

    private Topics() {
    }
}
