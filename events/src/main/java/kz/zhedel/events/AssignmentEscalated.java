package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment's acknowledgement deadline passed. One event per missed deadline, saying what the escalation chain
 * did about it; a replacement responder follows as its own {@link IncidentDispatched}.
 */
public record AssignmentEscalated(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        int missedDeadlines, Step step, Instant escalatedAt) implements ZhedelEvent {

    public enum Step {
        /** The same responder is paged again with a new deadline. */
        REPAGED,
        /** The assignment ended; the next on-call responder of the role, or the duty coordinator, is asked. */
        REASSIGNED,
        /** The duty coordinator did not answer either: nobody is left to ask, the role is unassigned. */
        EXHAUSTED
    }
}
