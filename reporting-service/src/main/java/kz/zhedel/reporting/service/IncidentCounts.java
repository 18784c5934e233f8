package kz.zhedel.reporting.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Contribution.Cell;
import kz.zhedel.reporting.domain.Contribution.Dimensions;
import kz.zhedel.reporting.domain.IncidentState;

/**
 * Keeps {@code stats_cell} equal to the sum of every incident's {@link Contribution}. After each event the
 * incident's contribution is computed again from its merged facts and the difference from the one it made before
 * (kept in {@code incident_fact.counted}) is added to the cells: no scan, and the same sums for any arrival order.
 * The incident's row lock serializes this per incident; cells are written in one sorted order, so that two
 * incidents never deadlock on them.
 */
@ApplicationScoped
public class IncidentCounts {

    private static final String STATE = """
            select f.received_at, f.district, f.category, f.severity, f.partner_kind, f.school_id, f.child_key,
                   f.first_assigned_at, f.last_unassigned_at, f.first_paged_at, f.acknowledged_at,
                   f.first_escalated_at, f.on_scene_at, f.resolved_at, f.cancelled_at, f.ack_deadline, f.counted,
                   exists (select 1 from assignment_fact a where a.incident_id = f.incident_id
                           and a.role = 'PSYCHOLOGIST' and a.acknowledged_at is not null) as psychologist,
                   (select string_agg(coalesce(p.channels, 'UNKNOWN'), ',') from page_fact p
                    where p.incident_id = f.incident_id and p.failed_at is not null) as failed_channels
            from incident_fact f where f.incident_id = :id for update of f
            """;

    /** The stored form of a contribution. */
    record Snapshot(LocalDate day, Dimensions dimensions, List<long[]> bins, List<String> figures) {
    }

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(UUID incidentId) {
        session.createNativeMutationQuery("insert into incident_fact (incident_id) values (:id) on conflict do nothing")
                .setParameter("id", incidentId, UUID.class).executeUpdate();
        Tuple row = session.createNativeQuery(STATE, Tuple.class).setParameter("id", incidentId, UUID.class)
                .getSingleResult();
        String channels = row.get("failed_channels", String.class);
        IncidentState state = new IncidentState(incidentId, instant(row, "received_at"), row.get("district", String.class),
                row.get("category", String.class), row.get("severity", String.class),
                row.get("partner_kind", String.class), row.get("school_id", String.class),
                row.get("child_key", String.class), instant(row, "first_assigned_at"),
                instant(row, "last_unassigned_at"), instant(row, "first_paged_at"), instant(row, "acknowledged_at"),
                instant(row, "first_escalated_at"), instant(row, "on_scene_at"), instant(row, "resolved_at"),
                instant(row, "cancelled_at"), instant(row, "ack_deadline"),
                Boolean.TRUE.equals(row.get("psychologist", Boolean.class)),
                channels == null ? List.of() : Arrays.asList(channels.split(",")));
        Contribution before = read(row.get("counted", String.class));
        Contribution after = Contribution.of(state);
        if (after.equals(before)) {
            return;
        }
        add(difference(before, after));
        session.createNativeMutationQuery("update incident_fact set counted = :counted where incident_id = :id")
                .setParameter("counted", write(after), String.class)
                .setParameter("id", incidentId, UUID.class)
                .executeUpdate();
    }

    /** A cell of {@code stats_cell} with its full key. */
    record Key(LocalDate day, Dimensions dimensions, Cell cell) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = String.join("\t", dimensions.district(), dimensions.category(), dimensions.severity(),
                        dimensions.partnerKind(), dimensions.schoolId()).compareTo(String.join("\t",
                                o.dimensions.district(), o.dimensions.category(), o.dimensions.severity(),
                                o.dimensions.partnerKind(), o.dimensions.schoolId()));
            }
            return c != 0 ? c : cell.compareTo(o.cell);
        }
    }

    static Map<Key, Long> difference(Contribution before, Contribution after) {
        Map<Key, Long> delta = new TreeMap<>();
        before.cells().forEach((cell, n) -> delta.merge(new Key(before.day(), before.dimensions(), cell), -n, Long::sum));
        after.cells().forEach((cell, n) -> delta.merge(new Key(after.day(), after.dimensions(), cell), n, Long::sum));
        delta.values().removeIf(n -> n == 0);
        return delta;
    }

    private void add(Map<Key, Long> delta) {
        if (delta.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into stats_cell (day, district, category, severity, "
                + "partner_kind, school_id, figure, bin, value) values ");
        List<Object> values = new ArrayList<>();
        for (Map.Entry<Key, Long> e : delta.entrySet()) {
            Key k = e.getKey();
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(List.of(k.day(), k.dimensions().district(), k.dimensions().category(),
                    k.dimensions().severity(), k.dimensions().partnerKind(), k.dimensions().schoolId(),
                    k.cell().figure(), k.cell().bin(), e.getValue()));
        }
        sql.append(" on conflict (day, district, category, severity, partner_kind, school_id, figure, bin) "
                + "do update set value = stats_cell.value + excluded.value");
        NativeQuery<?> query = session.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        query.executeUpdate();
    }

    String write(Contribution c) {
        if (c.day() == null) {
            return null;
        }
        List<long[]> bins = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        c.cells().forEach((cell, n) -> {
            figures.add(cell.figure());
            bins.add(new long[] { cell.bin(), n });
        });
        try {
            return json.writeValueAsString(new Snapshot(c.day(), c.dimensions(), bins, figures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a contribution", e);
        }
    }

    Contribution read(String counted) {
        if (counted == null) {
            return Contribution.NONE;
        }
        try {
            Snapshot s = json.readValue(counted, Snapshot.class);
            Map<Cell, Long> cells = new TreeMap<>();
            for (int i = 0; i < s.figures().size(); i++) {
                cells.put(new Cell(s.figures().get(i), s.bins().get(i)[0]), s.bins().get(i)[1]);
            }
            return new Contribution(s.day(), s.dimensions(), cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable contribution " + counted, e);
        }
    }

    private static Instant instant(Tuple row, String alias) {
        Object value = row.get(alias);
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
