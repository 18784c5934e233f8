package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** The assigned responder took the case; {@code actor} is who acknowledged (the responder, or ops on their behalf). */
public record AssignmentAcknowledged(UUID incidentId, UUID assignmentId, UUID responderId, Instant acknowledgedAt,
        Actor actor) implements ZhedelEvent {
}
