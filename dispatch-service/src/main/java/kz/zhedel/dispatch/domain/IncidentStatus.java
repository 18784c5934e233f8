package kz.zhedel.dispatch.domain;

/** Where an incident stands in dispatch. */
public enum IncidentStatus {
    /** A responder was assigned and paged; no acknowledgement yet. */
    DISPATCHED,
    /** Nobody with the required role was on shift: waiting for a coordinator, visible on the board. */
    UNASSIGNED,
    /** The assigned responder took the case. */
    ACKNOWLEDGED
}
