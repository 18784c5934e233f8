package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** A partner reported an incident; intake stored it. */
public record IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
        District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt)
        implements ZhedelEvent {
}
