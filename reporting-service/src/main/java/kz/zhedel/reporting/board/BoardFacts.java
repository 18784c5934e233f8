package kz.zhedel.reporting.board;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

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
import kz.zhedel.platform.sql.PgArray;

/**
 * Merges events into what the board shows per assignment (role, deadline, how far it got) and the roles waiting
 * for someone. Upserts with {@code least} (a deadline: {@code greatest}), like the incident facts, so any arrival
 * order gives the same rows; a batch is folded first and each kind of row written in one statement. Every incident
 * a batch touched is announced once as {@link BoardChanged}, which the live board hears once the consumer's
 * transaction commits.
 */
@ApplicationScoped
public class BoardFacts {

    /** A time of one assignment's row, and its incident. */
    record Timed(UUID incidentId, Instant at) {
    }

    /**
     * A role of an incident as a batch leaves it: filled at some point (its waiting row goes), and waiting again
     * since the first news after that that nobody could be found (a row from then), as one event at a time would.
     */
    static final class RoleNews {
        final UUID incidentId;
        final String role;
        boolean filled;
        Instant waitingSince;

        RoleNews(UUID incidentId, String role) {
            this.incidentId = incidentId;
            this.role = role;
        }
    }

    /** The column a kind of event sets, and which of two times it keeps; from the code, never from input. */
    private enum Column {
        ACK_DEADLINE("ack_deadline", "greatest"), PAGED_AT("paged_at", "least"),
        ACKNOWLEDGED_AT("acknowledged_at", "least"), ON_SCENE_AT("on_scene_at", "least"),
        ENDED_AT("ended_at", "least");

        final String name;
        final String keep;

        Column(String name, String keep) {
            this.name = name;
            this.keep = keep;
        }
    }

    @Inject
    Session session;

    @Inject
    Event<BoardChanged> changed;

    /** Events in their topics' order per incident (sorted by incident, stably). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<? extends ZhedelEvent> events) {
        Map<UUID, IncidentDispatched> assignments = new TreeMap<>();
        Map<String, RoleNews> roles = new LinkedHashMap<>();
        Map<Column, Map<UUID, Timed>> times = new TreeMap<>();
        Set<UUID> incidents = new LinkedHashSet<>();
        for (ZhedelEvent event : events) {
            if (event instanceof IncidentDispatched e && e.assignmentId() != null) {
                assignments.put(e.assignmentId(), e);
                if (e.role() != null && e.role() != ResponderRole.COORDINATOR) {
                    // dispatch's events of one incident arrive in order (one topic, keyed by incident)
                    RoleNews news = news(roles, e.incidentId(), e.role());
                    news.filled = true;
                    news.waitingSince = null;
                }
            } else if (event instanceof IncidentUnassigned e && e.role() != null) {
                RoleNews news = news(roles, e.incidentId(), e.role());
                if (news.waitingSince == null) {
                    news.waitingSince = e.at();
                }
            } else if (event instanceof PageRequested e && e.alert() == null && e.assignmentId() != null) {
                // a repeated page (re-paged after a missed deadline) carries the new deadline: the latest one holds
                time(times, Column.ACK_DEADLINE, e.incidentId(), e.assignmentId(), e.ackDeadline());
            } else if (event instanceof PageDelivered e && e.assignmentId() != null) {
                time(times, Column.PAGED_AT, e.incidentId(), e.assignmentId(), e.deliveredAt());
            } else if (event instanceof AssignmentAcknowledged e && e.assignmentId() != null) {
                time(times, Column.ACKNOWLEDGED_AT, e.incidentId(), e.assignmentId(), e.acknowledgedAt());
            } else if (event instanceof AssignmentProgressed e && e.assignmentId() != null) {
                time(times, e.stage().isEnd() ? Column.ENDED_AT : Column.ON_SCENE_AT, e.incidentId(),
                        e.assignmentId(), e.at());
            } else if (event instanceof AssignmentEscalated e && e.assignmentId() != null
                    && e.step() != AssignmentEscalated.Step.REPAGED) {
                time(times, Column.ENDED_AT, e.incidentId(), e.assignmentId(), e.escalatedAt());
            }
            if (event.incidentId() != null) {
                incidents.add(event.incidentId());
            }
        }
        assigned(assignments.values());
        waiting(roles.values());
        times.forEach(this::times);
        incidents.forEach(id -> changed.fire(new BoardChanged(id)));
    }

    private static void time(Map<Column, Map<UUID, Timed>> times, Column column, UUID incidentId, UUID assignmentId,
            Instant at) {
        if (at == null) {
            return;
        }
        boolean latest = "greatest".equals(column.keep);
        times.computeIfAbsent(column, c -> new TreeMap<>()).merge(assignmentId, new Timed(incidentId, at),
                (a, b) -> (latest ? b.at().isAfter(a.at()) : b.at().isBefore(a.at())) ? b : a);
    }

    private void assigned(Collection<IncidentDispatched> rows) {
        if (rows.isEmpty()) {
            return;
        }
        session.createNativeMutationQuery("""
                insert into board_assignment (assignment_id, incident_id, role, responder_id, assigned_at)
                select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:roles as text[]),
                                     cast(:responders as uuid[]), cast(:at as timestamptz[]))
                on conflict (assignment_id) do update set role = excluded.role,
                    responder_id = excluded.responder_id, assigned_at = excluded.assigned_at
                """)
                .setParameter("ids", column(rows, IncidentDispatched::assignmentId), String.class)
                .setParameter("incidents", column(rows, IncidentDispatched::incidentId), String.class)
                .setParameter("roles", column(rows, e -> e.role() == null ? null : e.role().name()), String.class)
                .setParameter("responders", column(rows, IncidentDispatched::responderId), String.class)
                .setParameter("at", column(rows, IncidentDispatched::assignedAt), String.class)
                .executeUpdate();
    }

    private static RoleNews news(Map<String, RoleNews> roles, UUID incidentId, ResponderRole role) {
        return roles.computeIfAbsent(incidentId + "/" + role.name(), k -> new RoleNews(incidentId, role.name()));
    }

    private void waiting(Collection<RoleNews> roles) {
        List<RoleNews> filled = roles.stream().filter(r -> r.filled).toList();
        List<RoleNews> open = roles.stream().filter(r -> r.waitingSince != null).toList();
        if (!filled.isEmpty()) {
            session.createNativeMutationQuery("delete from board_waiting_role w using unnest(cast(:incidents as uuid[]), "
                    + "cast(:roles as text[])) as v(incident_id, role) where w.incident_id = v.incident_id "
                    + "and w.role = v.role")
                    .setParameter("incidents", column(filled, r -> r.incidentId), String.class)
                    .setParameter("roles", column(filled, r -> r.role), String.class)
                    .executeUpdate();
        }
        if (!open.isEmpty()) {
            session.createNativeMutationQuery("insert into board_waiting_role (incident_id, role, since) "
                    + "select * from unnest(cast(:incidents as uuid[]), cast(:roles as text[]), "
                    + "cast(:since as timestamptz[])) on conflict do nothing")
                    .setParameter("incidents", column(open, r -> r.incidentId), String.class)
                    .setParameter("roles", column(open, r -> r.role), String.class)
                    .setParameter("since", column(open, r -> r.waitingSince), String.class)
                    .executeUpdate();
        }
    }

    private void times(Column column, Map<UUID, Timed> times) {
        session.createNativeMutationQuery("insert into board_assignment (assignment_id, incident_id, " + column.name
                + ") select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:at as timestamptz[])) "
                + "on conflict (assignment_id) do update set " + column.name + " = " + column.keep
                + "(board_assignment." + column.name + ", excluded." + column.name + ")")
                .setParameter("ids", PgArray.literal(times.keySet()), String.class)
                .setParameter("incidents", column(times.values(), Timed::incidentId), String.class)
                .setParameter("at", column(times.values(), Timed::at), String.class)
                .executeUpdate();
    }

    private static <T> String column(Collection<T> rows, Function<T, Object> field) {
        return PgArray.literal(rows.stream().map(field).toList());
    }
}
