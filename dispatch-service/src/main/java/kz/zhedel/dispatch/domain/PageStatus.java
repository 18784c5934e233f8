package kz.zhedel.dispatch.domain;

/** The last known state of the page sent for an assignment, as notification-service reports it. */
public enum PageStatus {
    REQUESTED, DELIVERED, FAILED
}
