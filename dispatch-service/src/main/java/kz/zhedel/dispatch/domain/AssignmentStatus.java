package kz.zhedel.dispatch.domain;

public enum AssignmentStatus {
    /** Paged, not yet acknowledged: counts as open load of the responder. */
    ASSIGNED,
    ACKNOWLEDGED
}
