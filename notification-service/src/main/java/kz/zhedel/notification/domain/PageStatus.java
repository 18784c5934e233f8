package kz.zhedel.notification.domain;

/**
 * Where a page stands. DELIVERED and FAILED may still become ACKNOWLEDGED or DECLINED: the responder got the link
 * somehow. ACKNOWLEDGED, DECLINED and WITHDRAWN (dispatch ended the assignment: handed on after a missed deadline or
 * a decline, or the incident closed without it) are final.
 */
public enum PageStatus {
    REQUESTED, DELIVERED, FAILED, ACKNOWLEDGED, DECLINED, WITHDRAWN;

    /** Nothing more can be answered or sent on this page. */
    public boolean isClosed() {
        return this == ACKNOWLEDGED || this == DECLINED || this == WITHDRAWN;
    }
}
