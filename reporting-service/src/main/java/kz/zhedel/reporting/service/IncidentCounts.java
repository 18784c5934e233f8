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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Contribution.Cell;
import kz.zhedel.reporting.domain.Contribution.Dimensions;
import kz.zhedel.platform.sql.PgArray;
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
            from incident_fact f where f.incident_id = any(cast(:ids as uuid[])) order by f.incident_id
            for update of f
            """;

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
        String idArray = PgArray.literal(ids);
        session.createNativeMutationQuery("insert into incident_fact (incident_id) "
                + "select unnest(cast(:ids as uuid[])) on conflict do nothing")
                .setParameter("ids", idArray, String.class).executeUpdate();
        Map<Key, Long> delta = new TreeMap<>();
        List<UUID> changed = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (Tuple row : session.createNativeQuery(STATE, Tuple.class).setParameter("ids", idArray, String.class)
                .getResultList()) {
            Contribution before = read(row.get("counted", String.class));
            Contribution after = Contribution.of(state(row));
            if (!after.equals(before)) {
                difference(before, after).forEach((k, n) -> delta.merge(k, n, Long::sum));
                changed.add(row.get("incident_id", UUID.class));
                counted.add(write(after));
            }
        }
        delta.values().removeIf(n -> n == 0);
        add(delta);
        if (!changed.isEmpty()) {
            session.createNativeMutationQuery("update incident_fact f set counted = v.counted from unnest("
                    + "cast(:ids as uuid[]), cast(:counted as text[])) as v(id, counted) where f.incident_id = v.id")
                    .setParameter("ids", PgArray.literal(changed), String.class)
                    .setParameter("counted", PgArray.literal(counted), String.class)
                    .executeUpdate();
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
        if (delta.isEmpty()) {
            return;
        }
        List<Object> days = new ArrayList<>();
        List<Object> districts = new ArrayList<>();
        List<Object> categories = new ArrayList<>();
        List<Object> severities = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<Object> schools = new ArrayList<>();
        List<Object> figures = new ArrayList<>();
        List<Object> bins = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        delta.forEach((k, n) -> { // sorted: two batches never deadlock on shared cells
            days.add(k.day());
            districts.add(k.dimensions().district());
            categories.add(k.dimensions().category());
            severities.add(k.dimensions().severity());
            kinds.add(k.dimensions().partnerKind());
            schools.add(k.dimensions().schoolId());
            figures.add(k.cell().figure());
            bins.add(k.cell().bin());
            values.add(n);
        });
        session.createNativeMutationQuery("""
                insert into stats_cell (day, district, category, severity, partner_kind, school_id, figure, bin, value)
                select day, district, category, severity, partner_kind, school_id, figure, bin, value
                from unnest(cast(:days as date[]), cast(:districts as text[]), cast(:categories as text[]),
                                     cast(:severities as text[]), cast(:kinds as text[]), cast(:schools as text[]),
                                     cast(:figures as text[]), cast(:bins as bigint[]), cast(:values as bigint[]))
                  with ordinality as c(day, district, category, severity, partner_kind, school_id, figure, bin, value, n)
                order by n
                on conflict (day, district, category, severity, partner_kind, school_id, figure, bin)
                do update set value = stats_cell.value + excluded.value
                """)
                .setParameter("days", PgArray.literal(days), String.class)
                .setParameter("districts", PgArray.literal(districts), String.class)
                .setParameter("categories", PgArray.literal(categories), String.class)
                .setParameter("severities", PgArray.literal(severities), String.class)
                .setParameter("kinds", PgArray.literal(kinds), String.class)
                .setParameter("schools", PgArray.literal(schools), String.class)
                .setParameter("figures", PgArray.literal(figures), String.class)
                .setParameter("bins", PgArray.literal(bins), String.class)
                .setParameter("values", PgArray.literal(values), String.class)
                .executeUpdate();
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
