package kz.zhedel.notification.domain;

/**
 * Where a page stands. DELIVERED and FAILED may still become ACKNOWLEDGED or DECLINED: the responder got the link
 * somehow. ACKNOWLEDGED and DECLINED are final.
 */
public enum PageStatus {
    REQUESTED, DELIVERED, FAILED, ACKNOWLEDGED, DECLINED;

    public boolean isAnswered() {
        return this == ACKNOWLEDGED || this == DECLINED;
    }
}
