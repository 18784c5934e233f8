package kz.zhedel.dispatch.domain;

/** Where an incident stands in dispatch, derived from its assignments and the roles its rule requires. */
public enum IncidentStatus {
    /** Every required role was assigned and paged; not every acknowledgement is in yet. */
    DISPATCHED,
    /** Some required roles have nobody: visible on the board, waiting for a coordinator. */
    PARTIALLY_ASSIGNED,
    /** Nobody with any required role could be assigned: visible on the board, waiting for a coordinator. */
    UNASSIGNED,
    /** Everyone who must acknowledge did. */
    ACKNOWLEDGED,
    /** Every assignment that had to be acknowledged is resolved (or cancelled). */
    RESOLVED,
    /**
     * The coordinator cancelled it (a false or duplicate report): every open assignment was called off, and nothing
     * assigns, escalates or retries it any more.
     */
    CANCELLED;

    /** Resolved or cancelled: nobody is to be assigned or paged for it any more. */
    public boolean isClosed() {
        return this == RESOLVED || this == CANCELLED;
    }
}
