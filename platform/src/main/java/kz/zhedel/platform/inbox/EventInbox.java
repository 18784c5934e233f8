package kz.zhedel.platform.inbox;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;

import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.ZhedelEvent;

/**
 * Applies each incoming CloudEvent at most once: its id is stored in {@code processed_event} in the same transaction
 * as its effects ({@link InboxTransaction}), so a redelivery (rebalance, restart, SIGKILL) changes nothing. A message
 * that cannot be applied is nacked, and the channel's dead-letter strategy moves it aside with the reason instead
 * of blocking its partition. Handlers reject an event by throwing {@link MalformedEventException} or
 * {@link IllegalArgumentException}.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    InboxTransaction transaction;

    private volatile boolean stopping;

    /** From here on nothing is applied, acked or dead-lettered: Kafka redelivers it after the restart. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    public CompletionStage<Void> handle(Message<String> message, Consumer<ZhedelEvent> handler) {
        if (stopping) {
            return new CompletableFuture<>(); // never completes: its offset is not committed
        }
        try {
            IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new MalformedEventException("not a CloudEvent (no ce_ headers)"));
            Optional<EventType> type = EventType.ofCeType(cloudEvent.getType());
            if (type.isEmpty()) {
                LOG.debugf("ignoring event type %s", cloudEvent.getType());
                return message.ack();
            }
            ZhedelEvent event = EventJson.read(type.get(), message.getPayload());
            transaction.apply(cloudEvent.getId(), cloudEvent.getType(), event, handler);
            return message.ack();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("event left for redelivery after the restart: %s", e.getMessage());
                return new CompletableFuture<>();
            }
            LOG.warnf("event not processed, sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }
}
