package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Dispatch assigned a responder to the incident; {@code reason} says why that person was chosen. {@code actor} is
 * the coordinator or ops user who named the responder, null when the team rules chose. A {@code COORDINATOR}
 * assignment is the duty coordinator alerted (see {@link PageRequested#alert()}), not a member of the team.
 */
public record IncidentDispatched(UUID incidentId, UUID assignmentId, UUID responderId, ResponderRole role,
        String reason, Instant assignedAt, Actor actor) implements ZhedelEvent {
}
