package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A responder's step on an assignment after the acknowledgement, or its end. The responder's own words stay in
 * dispatch: events carry no free text. {@code actor} is who took the step, null when the system did.
 */
public record AssignmentProgressed(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        Stage stage, Instant at, Actor actor) implements ZhedelEvent {

    public enum Stage {
        ON_SCENE,
        RESOLVED,
        /** The responder said no; the next on-call responder of the role is asked. */
        DECLINED,
        /** No longer needed: the incident was resolved without this (informed) role, or cancelled. */
        CANCELLED,
        /** Given to someone else: the coordinator reassigned it, or the responder was taken off the roster. */
        HANDED_ON;

        /** The assignment is over: its pages should stop. */
        public boolean isEnd() {
            return this != ON_SCENE;
        }
    }
}
