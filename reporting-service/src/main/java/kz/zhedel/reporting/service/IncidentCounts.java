package kz.zhedel.reporting.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
            select f.incident_id, f.received_at, f.district, f.category, f.severity, f.partner_kind, f.school_id, f.child_key,
                   f.first_assigned_at, f.last_unassigned_at, f.first_paged_at, f.acknowledged_at,
                   f.first_escalated_at, f.on_scene_at, f.resolved_at, f.cancelled_at, f.ack_deadline, f.counted,
                   exists (select 1 from assignment_fact a where a.incident_id = f.incident_id
                           and a.role = 'PSYCHOLOGIST' and a.acknowledged_at is not null) as psychologist,
                   (select string_agg(coalesce(p.channels, 'UNKNOWN'), ',') from page_fact p
                    where p.incident_id = f.incident_id and p.failed_at is not null) as failed_channels
            from incident_fact f where f.incident_id in (:ids) order by f.incident_id for update of f
            """;
    /** Rows of one multi-row statement: well below PostgreSQL's 65,535 parameters. */
    private static final int ROWS_PER_STATEMENT = 2000;

    /** The stored form of a contribution. */
    record Snapshot(LocalDate day, Dimensions dimensions, List<long[]> bins, List<String> figures) {
    }

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    /**
     * Counts the incidents again (the ones a batch of events touched): their rows are locked in id order, the
     * differences of all of them are summed and written in one sorted upsert, their new contributions in one update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        List<UUID> ids = incidentIds.stream().distinct().sorted().toList();
        StringBuilder missing = new StringBuilder("insert into incident_fact (incident_id) values ");
        for (int i = 0; i < ids.size(); i++) {
            missing.append(i == 0 ? "" : ", ").append("(?").append(i + 1).append(')');
        }
        NativeQuery<?> insert = session.createNativeQuery(missing + " on conflict do nothing");
        for (int i = 0; i < ids.size(); i++) {
            insert.setParameter(i + 1, ids.get(i), UUID.class);
        }
        insert.executeUpdate();
        Map<Key, Long> delta = new TreeMap<>();
        List<Object[]> changed = new ArrayList<>();
        for (Tuple row : session.createNativeQuery(STATE, Tuple.class).setParameterList("ids", ids, UUID.class)
                .getResultList()) {
            Contribution before = read(row.get("counted", String.class));
            Contribution after = Contribution.of(state(row));
            if (!after.equals(before)) {
                difference(before, after).forEach((k, n) -> delta.merge(k, n, Long::sum));
                changed.add(new Object[] { row.get("incident_id", UUID.class), write(after) });
            }
        }
        delta.values().removeIf(n -> n == 0);
        add(delta);
        for (int from = 0; from < changed.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> rows = changed.subList(from, Math.min(changed.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("update incident_fact f set counted = v.counted from (values ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(cast(?").append(2 * i + 1).append(" as uuid), cast(?")
                        .append(2 * i + 2).append(" as text))");
            }
            sql.append(") as v(id, counted) where f.incident_id = v.id");
            NativeQuery<?> update = session.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                update.setParameter(2 * i + 1, (UUID) rows.get(i)[0], UUID.class);
                update.setParameter(2 * i + 2, (String) rows.get(i)[1], String.class);
            }
            update.executeUpdate();
        }
    }

    private static IncidentState state(Tuple row) {
        String channels = row.get("failed_channels", String.class);
        return new IncidentState(row.get("incident_id", UUID.class), instant(row, "received_at"),
                row.get("district", String.class), row.get("category", String.class), row.get("severity", String.class),
                row.get("partner_kind", String.class), row.get("school_id", String.class),
                row.get("child_key", String.class), instant(row, "first_assigned_at"),
                instant(row, "last_unassigned_at"), instant(row, "first_paged_at"), instant(row, "acknowledged_at"),
                instant(row, "first_escalated_at"), instant(row, "on_scene_at"), instant(row, "resolved_at"),
                instant(row, "cancelled_at"), instant(row, "ack_deadline"),
                Boolean.TRUE.equals(row.get("psychologist", Boolean.class)),
                channels == null ? List.of() : Arrays.asList(channels.split(",")));
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
        List<Map.Entry<Key, Long>> cells = new ArrayList<>(delta.entrySet()); // sorted: no deadlock between batches
        for (int from = 0; from < cells.size(); from += ROWS_PER_STATEMENT) {
            upsert(cells.subList(from, Math.min(cells.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void upsert(List<Map.Entry<Key, Long>> cells) {
        StringBuilder sql = new StringBuilder("insert into stats_cell (day, district, category, severity, "
                + "partner_kind, school_id, figure, bin, value) values ");
        List<Object> values = new ArrayList<>();
        for (Map.Entry<Key, Long> e : cells) {
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
