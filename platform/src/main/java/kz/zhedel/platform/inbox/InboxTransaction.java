package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.ZhedelEvent;

/**
 * One event applied in one transaction with its inbox row. A transient failure (database restarting, a lock
 * timeout) is retried with backoff instead of being dead-lettered; an event the handler rejects is not retried.
 */
@ApplicationScoped
public class InboxTransaction {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Retry(maxRetries = 6, delay = 200, maxDuration = 15, durationUnit = ChronoUnit.SECONDS,
            abortOn = { MalformedEventException.class, IllegalArgumentException.class })
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public void apply(String eventId, String ceType, ZhedelEvent event, Consumer<ZhedelEvent> handler) {
        // A new transaction per attempt (programmatic: @Transactional's interceptor would wrap the retries).
        QuarkusTransaction.requiringNew().run(() -> {
            if (firstDelivery(eventId, ceType)) {
                handler.accept(event);
            }
        });
    }

    private boolean firstDelivery(String eventId, String ceType) {
        return em.createNativeQuery("insert into processed_event (event_id, ce_type, processed_at) "
                + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, ceType)
                .setParameter(3, clock.instant())
                .executeUpdate() == 1;
    }
}
