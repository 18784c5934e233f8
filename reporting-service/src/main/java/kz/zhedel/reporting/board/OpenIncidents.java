package kz.zhedel.reporting.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * The incidents open now (reported, neither resolved nor cancelled), most urgent first: those waiting for someone
 * (a role nobody was found for, or no team at all) and those past their acknowledgement deadline on top, then by
 * severity, then the oldest. Classifications, ids and times only: reporting holds no child data.
 */
@ApplicationScoped
public class OpenIncidents {

    /** The board shows at most this many; the rest are counted. */
    static final int LIMIT = 200;

    @Inject
    Session session;

    @Inject
    Clock clock;

    /** How far one assignment got, as the board shows it. */
    public enum Status {
        ASSIGNED, PAGED, ACKNOWLEDGED, ON_SCENE
    }

    /** One open assignment of the team. */
    public record Member(UUID assignmentId, ResponderRole role, Status status) {
        public String shortId() {
            return assignmentId.toString().substring(0, 8);
        }
    }

    /** One row of the board. {@code deadline}: the earliest deadline of a team page still unacknowledged. */
    public record Row(UUID id, Category category, Severity severity, District district, Instant receivedAt,
            Instant deadline, List<ResponderRole> waiting, List<Member> team, Instant now) {

        public String shortId() {
            return id.toString().substring(0, 8);
        }

        public boolean overdue() {
            return deadline != null && !deadline.isAfter(now);
        }

        public boolean unassigned() {
            return !waiting.isEmpty() || team.isEmpty();
        }

        /** Age as the board prints it: 5m, 2h 05m, 3d 4h. */
        public String age() {
            Duration age = Duration.between(receivedAt, now);
            if (age.isNegative()) {
                age = Duration.ZERO;
            }
            if (age.toDays() > 0) {
                return age.toDays() + "d " + age.toHoursPart() + "h";
            }
            if (age.toHours() > 0) {
                return age.toHours() + "h " + String.format("%02dm", age.toMinutesPart());
            }
            return age.toMinutes() + "m";
        }
    }

    /** The board: at most {@link #LIMIT} rows and how many are open in all. */
    public record Board(List<Row> rows, long open) {
    }

    @Transactional
    public Board now() {
        Instant now = clock.instant();
        List<Tuple> incidents = session.createNativeQuery("""
                with board as (
                    select f.incident_id, f.category, f.severity, f.district, f.received_at,
                           (select min(a.ack_deadline) from board_assignment a where a.incident_id = f.incident_id
                            and a.ended_at is null and a.acknowledged_at is null and a.role <> 'COORDINATOR') deadline,
                           exists (select 1 from board_waiting_role w where w.incident_id = f.incident_id)
                           or not exists (select 1 from board_assignment a where a.incident_id = f.incident_id
                                          and a.ended_at is null and a.role <> 'COORDINATOR') waiting
                    from incident_fact f
                    where f.received_at is not null and f.resolved_at is null and f.cancelled_at is null
                      and f.category is not null and f.severity is not null and f.district is not null)
                select incident_id, category, severity, district, received_at, deadline, waiting, count(*) over ()
                from board
                order by (waiting or coalesce(deadline <= :now, false)) desc, severity, received_at, incident_id
                """, Tuple.class)
                .setParameter("now", now, Instant.class)
                .setMaxResults(LIMIT)
                .getResultList();
        if (incidents.isEmpty()) {
            return new Board(List.of(), 0);
        }
        List<UUID> ids = incidents.stream().map(t -> t.get(0, UUID.class)).toList();
        Map<UUID, List<Member>> teams = teams(ids);
        Map<UUID, List<ResponderRole>> waiting = waiting(ids);
        List<Row> rows = new ArrayList<>();
        for (Tuple t : incidents) {
            UUID id = t.get(0, UUID.class);
            rows.add(new Row(id, Category.valueOf(t.get(1, String.class)), Severity.valueOf(t.get(2, String.class)),
                    District.valueOf(t.get(3, String.class)), t.get(4, Instant.class), t.get(5, Instant.class),
                    waiting.getOrDefault(id, List.of()), teams.getOrDefault(id, List.of()), now));
        }
        return new Board(rows, ((Number) incidents.get(0).get(7)).longValue());
    }

    private Map<UUID, List<Member>> teams(List<UUID> ids) {
        Map<UUID, List<Member>> teams = new LinkedHashMap<>();
        for (Tuple t : session.createNativeQuery("""
                select incident_id, assignment_id, role, paged_at, acknowledged_at, on_scene_at from board_assignment
                where incident_id in (:ids) and ended_at is null and role is not null and role <> 'COORDINATOR'
                order by role, assigned_at
                """, Tuple.class).setParameterList("ids", ids, UUID.class).getResultList()) {
            Status status = t.get(5) != null ? Status.ON_SCENE
                    : t.get(4) != null ? Status.ACKNOWLEDGED : t.get(3) != null ? Status.PAGED : Status.ASSIGNED;
            teams.computeIfAbsent(t.get(0, UUID.class), k -> new ArrayList<>())
                    .add(new Member(t.get(1, UUID.class), ResponderRole.valueOf(t.get(2, String.class)), status));
        }
        return teams;
    }

    private Map<UUID, List<ResponderRole>> waiting(List<UUID> ids) {
        Map<UUID, List<ResponderRole>> waiting = new LinkedHashMap<>();
        for (Tuple t : session.createNativeQuery("select incident_id, role from board_waiting_role "
                + "where incident_id in (:ids) order by role", Tuple.class)
                .setParameterList("ids", ids, UUID.class).getResultList()) {
            waiting.computeIfAbsent(t.get(0, UUID.class), k -> new ArrayList<>())
                    .add(ResponderRole.valueOf(t.get(1, String.class)));
        }
        return waiting;
    }
}
