package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** Dispatch assigned a responder to the incident; {@code reason} says why that person was chosen. */
public record IncidentDispatched(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        String reason, Instant assignedAt) implements ZhedelEvent {
}
