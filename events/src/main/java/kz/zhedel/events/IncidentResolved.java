package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** Every responder who had to act on the incident is done: the case is closed. */
public record IncidentResolved(UUID incidentId, Instant resolvedAt) implements ZhedelEvent {
}
