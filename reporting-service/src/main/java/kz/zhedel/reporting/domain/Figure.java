package kz.zhedel.reporting.domain;

/** The names of the figures of a {@link Contribution}: plain counts, and prefixes of per-channel and timed figures. */
public final class Figure {

    public static final String INCIDENTS = "incidents";
    public static final String UNASSIGNED = "unassigned";
    public static final String ESCALATED = "escalated";
    public static final String CANCELLED = "cancelled";
    public static final String SLA_WITHIN = "sla.within";
    public static final String SLA_BREACHED = "sla.breached";
    /** bin: the child's 64-bit pseudonym; value: that child's counselled incidents. */
    public static final String CHILD = "child";
    /** + channel, e.g. {@code page-failed.SMS}. */
    public static final String PAGE_FAILED = "page-failed.";
    /** + milestone, e.g. {@code time.ACKNOWLEDGED}; bin: the histogram bucket in seconds from receipt. */
    public static final String TIME = "time.";

    private Figure() {
    }
}
