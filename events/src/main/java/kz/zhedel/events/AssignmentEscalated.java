package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment was not answered: its acknowledgement deadline passed, or every contact of its page failed. One
 * event per miss, saying what the escalation chain did about it; a replacement responder follows as its own
 * {@link IncidentDispatched}.
 */
public record AssignmentEscalated(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        int missedDeadlines, Step step, Instant escalatedAt, Cause cause) implements ZhedelEvent {

    public enum Step {
        /** The same responder is paged again with a new deadline. */
        REPAGED,
        /** The assignment ended; the next on-call responder of the role, or the duty coordinator, is asked. */
        REASSIGNED,
        /** The duty coordinator did not answer either: nobody is left to ask, the role is unassigned. */
        EXHAUSTED
    }

    /** What set the escalation off; null in events written before it was recorded means a missed deadline. */
    public enum Cause {
        DEADLINE_MISSED,
        /** Every contact of the page failed: escalated at once instead of at the deadline. */
        PAGE_FAILED
    }
}
