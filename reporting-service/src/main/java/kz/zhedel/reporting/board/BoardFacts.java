package kz.zhedel.reporting.board;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.ZhedelEvent;

/**
 * Merges events into what the board shows per assignment (role, deadline, how far it got) and the roles waiting
 * for someone. Upserts with {@code least}, like the incident facts, so any arrival order gives the same rows. Every
 * event also announces {@link BoardChanged}, which the live board hears once the consumer's transaction commits.
 */
@ApplicationScoped
public class BoardFacts {

    @Inject
    Session session;

    @Inject
    Event<BoardChanged> changed;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ZhedelEvent event) {
        if (event instanceof IncidentDispatched e && e.assignmentId() != null) {
            assigned(e);
        } else if (event instanceof IncidentUnassigned e && e.role() != null) {
            session.createNativeMutationQuery("insert into board_waiting_role (incident_id, role, since) "
                    + "values (:incident, :role, :at) on conflict do nothing")
                    .setParameter("incident", e.incidentId(), UUID.class)
                    .setParameter("role", e.role().name(), String.class)
                    .setParameter("at", e.at(), Instant.class)
                    .executeUpdate();
        } else if (event instanceof PageRequested e && e.alert() == null && e.assignmentId() != null) {
            // a repeated page (re-paged after a missed deadline) carries the new deadline: the latest one holds
            upsert(e.incidentId(), e.assignmentId(), "ack_deadline", "greatest", e.ackDeadline());
        } else if (event instanceof PageDelivered e && e.assignmentId() != null) {
            upsert(e.incidentId(), e.assignmentId(), "paged_at", "least", e.deliveredAt());
        } else if (event instanceof AssignmentAcknowledged e && e.assignmentId() != null) {
            upsert(e.incidentId(), e.assignmentId(), "acknowledged_at", "least", e.acknowledgedAt());
        } else if (event instanceof AssignmentProgressed e && e.assignmentId() != null) {
            upsert(e.incidentId(), e.assignmentId(), e.stage().isEnd() ? "ended_at" : "on_scene_at", "least", e.at());
        } else if (event instanceof AssignmentEscalated e && e.assignmentId() != null
                && e.step() != AssignmentEscalated.Step.REPAGED) {
            upsert(e.incidentId(), e.assignmentId(), "ended_at", "least", e.escalatedAt());
        }
        if (event.incidentId() != null) {
            changed.fire(new BoardChanged(event.incidentId()));
        }
    }

    private void assigned(IncidentDispatched e) {
        session.createNativeMutationQuery("""
                insert into board_assignment (assignment_id, incident_id, role, responder_id, assigned_at)
                values (:assignment, :incident, :role, :responder, :at)
                on conflict (assignment_id) do update set role = excluded.role,
                    responder_id = excluded.responder_id, assigned_at = excluded.assigned_at
                """)
                .setParameter("assignment", e.assignmentId(), UUID.class)
                .setParameter("incident", e.incidentId(), UUID.class)
                .setParameter("role", e.role() == null ? null : e.role().name(), String.class)
                .setParameter("responder", e.responderId(), UUID.class)
                .setParameter("at", e.assignedAt(), Instant.class)
                .executeUpdate();
        if (e.role() != null && e.role() != ResponderRole.COORDINATOR) {
            // dispatch's events of one incident arrive in order (one topic, keyed by incident): the role has someone
            session.createNativeMutationQuery("delete from board_waiting_role where incident_id = :incident "
                    + "and role = :role")
                    .setParameter("incident", e.incidentId(), UUID.class)
                    .setParameter("role", e.role().name(), String.class)
                    .executeUpdate();
        }
    }

    /** {@code column} and {@code keep} come from the code above, never from input. */
    private void upsert(UUID incidentId, UUID assignmentId, String column, String keep, Instant at) {
        if (at == null) {
            return;
        }
        session.createNativeMutationQuery("insert into board_assignment (assignment_id, incident_id, " + column
                + ") values (:assignment, :incident, :at) on conflict (assignment_id) do update set " + column
                + " = " + keep + "(board_assignment." + column + ", excluded." + column + ")")
                .setParameter("assignment", assignmentId, UUID.class)
                .setParameter("incident", incidentId, UUID.class)
                .setParameter("at", at, Instant.class)
                .executeUpdate();
    }
}
