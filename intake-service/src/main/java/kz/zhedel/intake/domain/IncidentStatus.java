package kz.zhedel.intake.domain;

/**
 * The steps of an incident's timeline, in the order the flow reaches them; the incident's status is the furthest
 * step reached and only ever moves forward. DECLINED and ESCALATED are followed by the replacement's DISPATCHED;
 * ROLE_RESOLVED is one team member done, RESOLVED the whole team. COORDINATOR_ALERTED: the duty coordinator was
 * paged because the team could not be completed (nobody on call, a page that reached nobody, nobody acknowledged).
 */
public enum IncidentStatus {
    RECEIVED, UNASSIGNED, COORDINATOR_ALERTED, DISPATCHED, DECLINED, ESCALATED, PAGE_FAILED, PAGED, ACKNOWLEDGED, ON_SCENE, ROLE_RESOLVED,
    RESOLVED;

    public boolean isAfter(IncidentStatus other) {
        return ordinal() > other.ordinal();
    }
}
