package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A partner reported an incident; intake stored it. {@code linkedIncidents}: how many earlier incidents intake
 * linked to it as being about the same child (a count only: never the child's key or name; 0 in events written
 * before the field existed). {@code partnerKind}: the reporting partner's kind in intake's registry ({@code SCHOOL},
 * {@code POLICE}, {@code HELPLINE}, {@code PSYCHOLOGICAL_CENTRE}; null for a configured key outside the registry).
 * {@code statsChildKey}: the child's pseudonym for statistics only, an HMAC under a key of its own (not the linking
 * key), so that reporting can count distinct children; null when intake has no statistics key or no child name.
 */
public record IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
        District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int linkedIncidents, String partnerKind, String statsChildKey)
        implements ZhedelEvent {

    /** An incident linked to no earlier one. */
    public IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
            District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt) {
        this(incidentId, partnerId, category, severity, district, schoolId, childLanguage, occurredAt, receivedAt, 0);
    }

    /** Without the statistics fields (a partner outside the registry, no statistics key). */
    public IncidentReported(UUID incidentId, String partnerId, Category category, Severity severity,
            District district, String schoolId, Language childLanguage, Instant occurredAt, Instant receivedAt,
            int linkedIncidents) {
        this(incidentId, partnerId, category, severity, district, schoolId, childLanguage, occurredAt, receivedAt,
                linkedIncidents, null, null);
    }
}
