package kz.zhedel.intake.domain;

/** Where an incident stands, in the order the flow reaches each state; the status only ever moves forward. */
public enum IncidentStatus {
    RECEIVED, UNASSIGNED, DISPATCHED, PAGE_FAILED, PAGED, ACKNOWLEDGED, RESOLVED;

    public boolean isAfter(IncidentStatus other) {
        return ordinal() > other.ordinal();
    }
}
