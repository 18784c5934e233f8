package kz.zhedel.notification.domain;

/** One contact's part in a page: waiting or being retried, done, given up, or no longer needed. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, CANCELLED
}
