package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The coordinator confirmed or split a same-child link: the incident is now linked to {@code linkedIncidents}
 * earlier incidents (a count only, as in {@link IncidentReported}).
 */
public record IncidentLinksChanged(UUID incidentId, int linkedIncidents, Instant changedAt) implements ZhedelEvent {
}
