package kz.zhedel.notification.domain;

/** Where a page stands. DELIVERED and FAILED may still become ACKNOWLEDGED: the responder got the link somehow. */
public enum PageStatus {
    REQUESTED, DELIVERED, FAILED, ACKNOWLEDGED
}
