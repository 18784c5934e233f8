package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** One event of a batch with its CloudEvent id and type. */
    public record Delivery(String eventId, String ceType, ZhedelEvent event) {
    }

    /**
     * A batch in one transaction: one insert of every id into the inbox, then the events it had not seen (the first
     * of any id repeated within the batch), in order.
     */
    @SuppressWarnings("unchecked")
    public void applyBatch(List<Delivery> deliveries, Consumer<List<ZhedelEvent>> handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            StringBuilder sql = new StringBuilder("insert into processed_event (event_id, ce_type, processed_at) values ");
            for (int i = 0; i < deliveries.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                        .append(", ?").append(3 * i + 3).append(')');
            }
            sql.append(" on conflict do nothing returning event_id");
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < deliveries.size(); i++) {
                insert.setParameter(3 * i + 1, deliveries.get(i).eventId())
                        .setParameter(3 * i + 2, deliveries.get(i).ceType())
                        .setParameter(3 * i + 3, clock.instant());
            }
            Set<String> fresh = new HashSet<>((List<String>) insert.getResultList());
            List<ZhedelEvent> events = new ArrayList<>();
            for (Delivery d : deliveries) {
                if (fresh.remove(d.eventId())) {
                    events.add(d.event());
                }
            }
            if (!events.isEmpty()) {
                handler.accept(events);
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
