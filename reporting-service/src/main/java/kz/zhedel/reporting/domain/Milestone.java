package kz.zhedel.reporting.domain;

/**
 * A step in an incident's response that the fact row records with its time. Events may be redelivered or arrive
 * out of order, so each milestone says which of two known times it keeps.
 */
public enum Milestone {
    ASSIGNED("first_assigned_at", Keep.EARLIEST),
    /** The latest time nobody could be assigned; assignment by a coordinator later still counts as assigned. */
    UNASSIGNED("last_unassigned_at", Keep.LATEST),
    PAGED("first_paged_at", Keep.EARLIEST),
    PAGE_FAILED("page_failed_at", Keep.EARLIEST),
    ACKNOWLEDGED("acknowledged_at", Keep.EARLIEST),
    /** A responder did not acknowledge in time and was re-paged or replaced. */
    ESCALATED("first_escalated_at", Keep.EARLIEST),
    /** A team member (not the duty coordinator) reported being on scene. */
    ON_SCENE("on_scene_at", Keep.EARLIEST),
    RESOLVED("resolved_at", Keep.EARLIEST),
    /** The duty coordinator called it off: a false, duplicate or withdrawn report. */
    CANCELLED("cancelled_at", Keep.EARLIEST),
    /** Not a step: the earliest acknowledgement deadline of a team page, the SLA's deadline. */
    ACK_DEADLINE("ack_deadline", Keep.EARLIEST);

    public enum Keep {
        EARLIEST, LATEST
    }

    private final String column;
    private final Keep keep;

    Milestone(String column, Keep keep) {
        this.column = column;
        this.keep = keep;
    }

    /** The {@code incident_fact} column holding this milestone's time. */
    public String column() {
        return column;
    }

    public Keep keep() {
        return keep;
    }
}
