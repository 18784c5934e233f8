package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.ZhedelEvent;

/**
 * One attempt at one event: applied in one transaction with its inbox row. {@link EventInbox} decides whether a
 * failed attempt is retried (an outage, for as long as it lasts) or dead-lettered.
 */
@ApplicationScoped
public class InboxTransaction {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public void apply(String eventId, String ceType, ZhedelEvent event, Consumer<ZhedelEvent> handler) {
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
