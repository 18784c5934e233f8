package kz.zhedel.intake.domain;

/**
 * The steps of an incident's timeline, in the order the flow reaches them; the incident's status is the furthest
 * step reached and only ever moves forward. DECLINED, ESCALATED and HANDED_ON (the coordinator gave the role to
 * someone else, or the responder left the roster) are followed by the replacement's DISPATCHED; ROLE_RESOLVED is one
 * team member done, RESOLVED the whole team; CANCELLED: the coordinator called the incident off (a false or
 * duplicate report), which ends it like a resolution. COORDINATOR_ALERTED: the duty coordinator was paged because
 * the team could not be completed (nobody on call, a page that reached nobody, nobody acknowledged).
 */
public enum IncidentStatus {
    RECEIVED, UNASSIGNED, COORDINATOR_ALERTED, DISPATCHED, DECLINED, ESCALATED, HANDED_ON, PAGE_FAILED, PAGED,
    ACKNOWLEDGED, ON_SCENE, ROLE_RESOLVED, RESOLVED, CANCELLED;

    public boolean isAfter(IncidentStatus other) {
        return ordinal() > other.ordinal();
    }
}
