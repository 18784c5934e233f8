package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.AssignmentStep;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentNote;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.events.Actor;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * An incident as dispatch handled it: under which rules, who was assigned, why, how far it got and who took each
 * step; {@code linkedIncidents}: how many earlier incidents intake found about the same child. The coordinator's
 * view: notes and the cancellation comment are shown here and nowhere else.
 */
public record IncidentView(UUID id, Category category, Severity severity, District district, Language childLanguage,
        Instant receivedAt, IncidentStatus status, Integer ruleVersion, int linkedIncidents,
        List<AssignmentView> assignments, CancellationView cancellation, List<NoteView> notes) {

    public record AssignmentView(UUID id, UUID responderId, ResponderRole role, AssignmentStatus status,
            String reason, String statusReason, boolean mustAcknowledge, Instant assignedAt, Instant acknowledgedAt,
            Instant ackDeadline, int missedDeadlines, PageStatus pageStatus, List<StepView> steps) {

        static AssignmentView of(Assignment a) {
            return of(a, AssignmentStep.ofAssignments(List.of(a.id)));
        }

        static AssignmentView of(Assignment a, List<AssignmentStep> steps) {
            return new AssignmentView(a.id, a.responderId, a.role, a.status, a.reason, a.statusReason,
                    a.mustAcknowledge, a.assignedAt, a.acknowledgedAt, a.ackDeadline, a.missedDeadlines,
                    a.pageStatus, steps.stream().map(StepView::of).toList());
        }
    }

    /** A step and who took it ({@code actor} null: the system); {@code comment}: the coordinator's words. */
    public record StepView(AssignmentStep.Kind step, Actor actor, Instant at, String comment) {

        static StepView of(AssignmentStep s) {
            return new StepView(s.step, s.actor(), s.at, s.comment);
        }
    }

    public record CancellationView(CancelReason reason, String comment, Instant at, String by) {
    }

    public record NoteView(UUID id, Actor author, Instant at, String text) {

        static NoteView of(IncidentNote note) {
            return new NoteView(note.id, new Actor(note.authorSubject, note.authorRole), note.at, note.text);
        }
    }

    public static IncidentView of(Incident incident, List<Assignment> assignments) {
        Map<UUID, List<AssignmentStep>> steps = AssignmentStep.ofIncident(incident.id).stream()
                .collect(Collectors.groupingBy(s -> s.assignmentId));
        return new IncidentView(incident.id, incident.category, incident.severity, incident.district,
                incident.childLanguage, incident.receivedAt, incident.status, incident.ruleVersion,
                incident.linkedIncidents,
                assignments.stream().map(a -> AssignmentView.of(a, steps.getOrDefault(a.id, List.of()))).toList(),
                incident.cancelReason == null ? null : new CancellationView(incident.cancelReason,
                        incident.cancelComment, incident.cancelledAt, incident.cancelledBy),
                IncidentNote.ofIncident(incident.id).stream().map(NoteView::of).toList());
    }
}
