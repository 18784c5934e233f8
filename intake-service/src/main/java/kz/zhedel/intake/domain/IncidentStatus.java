package kz.zhedel.intake.domain;

/**
 * The steps of an incident's timeline, in the order the flow reaches them; the incident's status is the furthest
 * step reached and only ever moves forward. DECLINED and ESCALATED are followed by the replacement's DISPATCHED;
 * ROLE_RESOLVED is one team member done, RESOLVED the whole team.
 */
public enum IncidentStatus {
    RECEIVED, UNASSIGNED, DISPATCHED, DECLINED, ESCALATED, PAGE_FAILED, PAGED, ACKNOWLEDGED, ON_SCENE, ROLE_RESOLVED,
    RESOLVED;

    public boolean isAfter(IncidentStatus other) {
        return ordinal() > other.ordinal();
    }
}
