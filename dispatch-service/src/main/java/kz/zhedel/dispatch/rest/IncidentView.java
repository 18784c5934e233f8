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

/**
 * An incident as dispatch handled it: under which rules, who was assigned, why, and how far it got;
 * {@code linkedIncidents}: how many earlier incidents intake found about the same child.
 */
public record IncidentView(UUID id, Category category, Severity severity, District district, Language childLanguage,
        Instant receivedAt, IncidentStatus status, Integer ruleVersion, int linkedIncidents,
        List<AssignmentView> assignments) {

    public record AssignmentView(UUID id, UUID responderId, ResponderRole role, AssignmentStatus status,
            String reason, String statusReason, boolean mustAcknowledge, Instant assignedAt, Instant acknowledgedAt,
            Instant ackDeadline, int missedDeadlines, PageStatus pageStatus) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id, a.responderId, a.role, a.status, a.reason, a.statusReason,
                    a.mustAcknowledge, a.assignedAt, a.acknowledgedAt, a.ackDeadline, a.missedDeadlines,
                    a.pageStatus);
        }
    }

    public static IncidentView of(Incident incident, List<Assignment> assignments) {
        return new IncidentView(incident.id, incident.category, incident.severity, incident.district,
                incident.childLanguage, incident.receivedAt, incident.status, incident.ruleVersion,
                incident.linkedIncidents, assignments.stream().map(AssignmentView::of).toList());
    }
}
