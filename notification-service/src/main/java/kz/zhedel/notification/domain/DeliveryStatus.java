package kz.zhedel.notification.domain;

/**
 * One contact's part in a page: waiting or being retried, taken by a provider that will send a receipt (SMS, voice),
 * reached the responder, given up, or no longer needed.
 */
public enum DeliveryStatus {
    PENDING, SENT, DELIVERED, FAILED, CANCELLED
}
