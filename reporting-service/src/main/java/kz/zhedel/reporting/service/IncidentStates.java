package kz.zhedel.reporting.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.IncidentState;
import kz.zhedel.reporting.domain.StatsFilter;

/** The incidents received in a time range, each as its merged state and what it adds to the figures. */
@ApplicationScoped
public class IncidentStates {

    /**
     * A scalar subquery, not {@code exists}: with a generic plan PostgreSQL would hash an {@code exists} over every
     * assignment (a scan of the whole table for a few incidents); this one looks each incident's up by its index.
     */
    private static final String STATE = """
            select f.incident_id, f.received_at, f.district, f.category, f.severity, f.partner_kind, f.school_id, f.child_key,
                   f.first_assigned_at, f.last_unassigned_at, f.first_paged_at, f.acknowledged_at,
                   f.first_escalated_at, f.on_scene_at, f.resolved_at, f.cancelled_at, f.ack_deadline,
                   coalesce((select true from assignment_fact a where a.incident_id = f.incident_id
                             and a.role = 'PSYCHOLOGIST' and a.acknowledged_at is not null limit 1), false)
                       as psychologist,
                   (select string_agg(coalesce(p.channels, 'UNKNOWN'), ',') from page_fact p
                    where p.incident_id = f.incident_id and p.failed_at is not null) as failed_channels
            from incident_fact f where f.received_at >= :from and f.received_at < :to
            """;

    @Inject
    Session session;

    /**
     * Each contribution of the incidents received in {@code [from, to)} that the filter covers: its dimensions in
     * SQL, the school type (the registry's) here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(Instant from, Instant to, StatsFilter filter, Schools.Registry registry,
            Consumer<Contribution> into) {
        StringBuilder sql = new StringBuilder(STATE);
        filter.district().ifPresent(v -> sql.append(" and f.district = :district"));
        filter.category().ifPresent(v -> sql.append(" and f.category = :category"));
        filter.severity().ifPresent(v -> sql.append(" and f.severity = :severity"));
        filter.partnerKind().ifPresent(v -> sql.append(" and coalesce(f.partner_kind, 'UNKNOWN') = :kind"));
        NativeQuery<Tuple> q = session.createNativeQuery(sql.toString(), Tuple.class)
                .setParameter("from", from, Instant.class).setParameter("to", to, Instant.class);
        filter.district().ifPresent(v -> q.setParameter("district", v));
        filter.category().ifPresent(v -> q.setParameter("category", v));
        filter.severity().ifPresent(v -> q.setParameter("severity", v));
        filter.partnerKind().ifPresent(v -> q.setParameter("kind", v));
        try (var rows = q.getResultStream()) {
            rows.map(row -> Contribution.of(state(row)))
                    .filter(c -> c.day() != null && filter.covers(c.dimensions(),
                            registry.filterType(c.dimensions().schoolId())))
                    .forEach(into);
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
