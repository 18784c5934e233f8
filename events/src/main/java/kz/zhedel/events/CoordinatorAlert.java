package kz.zhedel.events;

/** Why the duty coordinator is paged, and for which role of the team. */
public record CoordinatorAlert(Reason reason, ResponderRole role) {

    public enum Reason {
        /** Nobody covering the role is on call: the incident waits for one, and the coordinator can assign anyone. */
        NOBODY_ON_CALL,
        /** Every contact of the responder's page failed and nobody else of the role is on call. */
        PAGE_FAILED,
        /** Every responder of the role on call missed the acknowledgement deadline. */
        ESCALATION_EXHAUSTED
    }
}
