package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A partner reported an incident; intake stored it. {@code linkedIncidents}: how many earlier incidents intake
 * linked to it as being about the same child (a count only: never the child's key or name; 0 in events written
 * before the field existed).
 */
public record IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
        District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int linkedIncidents) implements ZhedelEvent {

    /** An incident linked to no earlier one. */
    public IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
            District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt) {
        this(incidentId, partnerId, category, severity, district, schoolId, childLanguage, occurredAt, receivedAt, 0);
    }
}
