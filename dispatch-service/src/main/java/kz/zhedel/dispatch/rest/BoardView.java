package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.dispatch.service.IncidentBoard;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/** A page of the coordinator's incident list; {@code next}: the link to the following page, null on the last. */
public record BoardView(String state, int page, int size, long total, String next, List<Item> incidents) {

    /** An incident on the list: classification and team only, no child data (dispatch holds none). */
    public record Item(UUID id, Category category, Severity severity, District district, IncidentStatus status,
            Instant receivedAt, int linkedIncidents, long minutesOverdue, List<Member> team) {
    }

    public record Member(UUID assignmentId, ResponderRole role, UUID responderId, String responderName,
            AssignmentStatus status, Instant ackDeadline, int missedDeadlines, PageStatus pageStatus) {

        static Member of(IncidentBoard.Member m) {
            return new Member(m.assignment().id, m.assignment().role, m.assignment().responderId, m.responderName(),
                    m.assignment().status, m.assignment().ackDeadline, m.assignment().missedDeadlines,
                    m.assignment().pageStatus);
        }
    }
}
