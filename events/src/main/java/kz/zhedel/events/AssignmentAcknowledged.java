package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** The assigned responder took the case. */
public record AssignmentAcknowledged(UUID incidentId, UUID assignmentId, UUID responderId, Instant acknowledgedAt)
        implements ZhedelEvent {
}
