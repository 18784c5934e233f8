package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/** An incident as dispatch handled it: who was assigned, why, and how far it got. */
public record IncidentView(UUID id, Category category, Severity severity, District district, Language childLanguage,
        Instant receivedAt, IncidentStatus status, List<AssignmentView> assignments) {

    public record AssignmentView(UUID id, UUID responderId, ResponderRole role, AssignmentStatus status,
            String reason, Instant assignedAt, Instant acknowledgedAt, PageStatus pageStatus) {
    }

    public static IncidentView of(Incident incident, List<Assignment> assignments) {
        return new IncidentView(incident.id, incident.category, incident.severity, incident.district,
                incident.childLanguage, incident.receivedAt, incident.status,
                assignments.stream().map(a -> new AssignmentView(a.id, a.responderId, a.role, a.status, a.reason,
                        a.assignedAt, a.acknowledgedAt, a.pageStatus)).toList());
    }
}
