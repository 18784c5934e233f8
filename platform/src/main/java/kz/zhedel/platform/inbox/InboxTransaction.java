package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.sql.PgArray;

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
            var insert = em.createNativeQuery("insert into processed_event (event_id, ce_type, processed_at) "
                    + "select id, type, ?3 from unnest(cast(?1 as text[]), cast(?2 as text[])) as e(id, type) "
                    + "on conflict do nothing returning event_id")
                    .setParameter(1, PgArray.literal(deliveries.stream().map(Delivery::eventId).toList()))
                    .setParameter(2, PgArray.literal(deliveries.stream().map(Delivery::ceType).toList()))
                    .setParameter(3, clock.instant());
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

    /**
     * A batch's events applied one after the other inside its transaction, each as if it had its own:
     * <ul>
     * <li>in incident order, stably (one incident's events keep their record order, the only order Kafka keeps):
     * every batch of every channel then takes the incidents' row locks, held until its commit, in the same order,
     * so two channels of a service (dispatch's, intake's) never deadlock over two incidents;</li>
     * <li>each event's writes flushed after it (the locks its updates take follow that order too) and the session
     * cleared, so that the next event loads what the database holds now, rows another transaction changed since
     * included, never an entity an earlier event left in the session.</li>
     * </ul>
     */
    public void eventByEvent(List<ZhedelEvent> events, Consumer<ZhedelEvent> handler) {
        for (ZhedelEvent event : inIncidentOrder(events)) {
            handler.accept(event);
            em.flush();
            em.clear();
        }
    }

    /** Stable: the events of one incident keep their order. */
    public static List<ZhedelEvent> inIncidentOrder(List<ZhedelEvent> events) {
        return events.stream().sorted(Comparator.comparing(ZhedelEvent::incidentId,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
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
