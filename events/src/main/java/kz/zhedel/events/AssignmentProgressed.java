package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A responder's step on an assignment after the acknowledgement, or its end. The responder's own words stay in
 * dispatch: events carry no free text.
 */
public record AssignmentProgressed(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        Stage stage, Instant at) implements ZhedelEvent {

    public enum Stage {
        ON_SCENE,
        RESOLVED,
        /** The responder said no; the next on-call responder of the role is asked. */
        DECLINED,
        /** No longer needed: the incident was resolved without this (informed) role. */
        CANCELLED;

        /** The assignment is over: its pages should stop. */
        public boolean isEnd() {
            return this != ON_SCENE;
        }
    }
}
