package kz.zhedel.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.domain.TimelineEntry;

/**
 * An incident as its partner reads it back: status and timeline, no personal data. The coordinator also sees how
 * many earlier incidents are linked to it as being about the same child ({@code linkedIncidents}); a partner does
 * not, since that would tell it about other partners' reports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(UUID id, String externalRef, Category category, Severity severity, District district,
        String schoolId, Instant occurredAt, Instant receivedAt, IncidentStatus status, Long linkedIncidents,
        List<Step> timeline) {

    public record Step(IncidentStatus status, Instant at, String detail) {
    }

    public static IncidentView of(Incident incident, Long linkedIncidents, List<TimelineEntry> timeline) {
        return new IncidentView(incident.id, incident.externalRef, incident.category, incident.severity,
                incident.district, incident.schoolId, incident.occurredAt, incident.receivedAt, incident.status,
                linkedIncidents, timeline.stream().map(e -> new Step(e.status, e.at, e.detail)).toList());
    }
}
