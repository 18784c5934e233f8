package kz.zhedel.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The events committed and not yet on Kafka: {@code zhedel_outbox_pending} (rows) and
 * {@code zhedel_outbox_oldest_seconds} (age of the oldest, 0 when none). Nothing in the outbox is lost, but a backlog
 * that grows means pages and figures are late: the relay cannot reach the broker. Read from the database when
 * scraped (one indexed query), NaN while the database does not answer.
 */
@ApplicationScoped
public class OutboxBacklog {

    static final String PENDING = "zhedel.outbox.pending";
    static final String OLDEST = "zhedel.outbox.oldest.seconds";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    record Reading(long pending, Instant oldest) {
    }

    void onStart(@Observes StartupEvent event) {
        // suppliers, held strongly: a gauge on a weakly held object can vanish from later scrapes
        Gauge.builder(PENDING, () -> read().map(r -> (double) r.pending()).orElse(Double.NaN))
                .description("Outbox events committed and not yet relayed to Kafka").register(registry);
        Gauge.builder(OLDEST, () -> read().map(this::age).orElse(Double.NaN))
                .description("Age of the oldest outbox event not yet relayed to Kafka, 0 when none").register(registry);
    }

    private double age(Reading reading) {
        return reading.oldest() == null ? 0 : Duration.between(reading.oldest(), clock.instant()).toMillis() / 1000.0;
    }

    Optional<Reading> read() {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
                Object[] row = (Object[]) em.createNativeQuery(
                        "select count(*), min(occurred_at) from outbox_event where published_at is null")
                        .getSingleResult();
                return new Reading(((Number) row[0]).longValue(), instant(row[1]));
            }));
        } catch (RuntimeException e) {
            return Optional.empty(); // the database is down: no reading rather than a wrong one
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }
}
