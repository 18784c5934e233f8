package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.ZhedelEvent;

/**
 * Applies each incoming CloudEvent at most once: its id is stored in {@code processed_event} in the same transaction
 * as its effects, so a redelivery (rebalance, restart, SIGKILL) finds the id and changes nothing. A message that
 * fails is nacked, and the channel's dead-letter strategy moves it aside with the reason instead of blocking.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public CompletionStage<Void> handle(Message<String> message, Consumer<ZhedelEvent> handler) {
        try {
            IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new MalformedEventException("not a CloudEvent (no ce_ headers)"));
            Optional<EventType> type = EventType.ofCeType(cloudEvent.getType());
            if (type.isEmpty()) {
                LOG.debugf("ignoring event type %s", cloudEvent.getType());
                return message.ack();
            }
            ZhedelEvent event = EventJson.read(type.get(), message.getPayload());
            QuarkusTransaction.requiringNew().run(() -> {
                if (firstDelivery(cloudEvent.getId(), cloudEvent.getType())) {
                    handler.accept(event);
                }
            });
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("event not processed, sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
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
