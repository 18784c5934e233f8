package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.hibernate.Session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;

import kz.zhedel.events.Severity;

/**
 * Prometheus gauges for the operators, read from the incident facts at scrape time (one query, kept for a second
 * so that one scrape of several gauges asks once): {@code zhedel_reporting_incidents_open{severity}} (received,
 * neither resolved nor cancelled), {@code zhedel_reporting_incidents_unassigned} (nobody could be assigned and
 * nobody has been since; open), {@code zhedel_reporting_sla_breaches_last_hour} (incidents whose acknowledgement
 * deadline passed in the last hour unacknowledged, or acknowledged late; an escalation without a known deadline
 * counts at its time; not cancelled before).
 */
@ApplicationScoped
public class OperatorGauges {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private static final String NOW = """
            select f.severity, count(*) as open,
                   count(*) filter (where f.first_assigned_at is null and f.last_unassigned_at is not null) as unassigned,
                   0 as breaches
            from incident_fact f where f.received_at is not null and f.resolved_at is null and f.cancelled_at is null
            group by f.severity
            union all
            select f.severity, 0, 0, count(*)
            from incident_fact f
            where coalesce(f.ack_deadline, f.first_escalated_at) > :hourAgo
              and coalesce(f.ack_deadline, f.first_escalated_at) <= :now
              and f.received_at is not null
              and (f.ack_deadline is null or f.acknowledged_at is null or f.acknowledged_at > f.ack_deadline)
              and (f.cancelled_at is null or f.cancelled_at > coalesce(f.ack_deadline, f.first_escalated_at))
            group by f.severity
            """;

    record Snapshot(Instant at, Map<String, Long> open, long unassigned, long breaches) {
    }

    @Inject
    Session session;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private Snapshot last;

    // registered with suppliers, held strongly: a gauge on a weakly held object can vanish from a later scrape
    void onStart(@Observes StartupEvent event) {
        for (Severity severity : Severity.values()) {
            Gauge.builder("zhedel.reporting.incidents.open", () -> now().open().get(severity.name()))
                    .tag("severity", severity.name()).description("Incidents received, neither resolved nor cancelled")
                    .register(registry);
        }
        Gauge.builder("zhedel.reporting.incidents.unassigned", () -> now().unassigned())
                .description("Open incidents nobody could be assigned to, and nobody has been since")
                .register(registry);
        Gauge.builder("zhedel.reporting.sla.breaches.last.hour", () -> now().breaches())
                .description("Incidents whose acknowledgement deadline passed in the last hour without an "
                        + "acknowledgement by then")
                .register(registry);
    }

    synchronized Snapshot now() {
        Instant now = clock.instant();
        if (last == null || !last.at().plus(FRESH).isAfter(now) || last.at().isAfter(now)) {
            last = QuarkusTransaction.requiringNew().call(() -> read(now));
        }
        return last;
    }

    private Snapshot read(Instant now) {
        Map<String, Long> open = new HashMap<>();
        for (Severity s : Severity.values()) {
            open.put(s.name(), 0L);
        }
        long unassigned = 0;
        long breaches = 0;
        for (Tuple row : session.createNativeQuery(NOW, Tuple.class).setParameter("hourAgo", now.minusSeconds(3600),
                Instant.class).setParameter("now", now, Instant.class).getResultList()) {
            open.computeIfPresent(String.valueOf(row.get(0)), (s, n) -> n + ((Number) row.get(1)).longValue());
            unassigned += ((Number) row.get(2)).longValue();
            breaches += ((Number) row.get(3)).longValue();
        }
        return new Snapshot(now, open, unassigned, breaches);
    }
}
