package kz.zhedel.platform.inbox;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;

import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.outage.DatabaseProbe;
import kz.zhedel.platform.outage.Outages;

/**
 * Applies each incoming CloudEvent at most once: its id is stored in {@code processed_event} in the same transaction
 * as its effects ({@link InboxTransaction}), so a redelivery (rebalance, restart, SIGKILL, a replayed dead letter)
 * changes nothing.
 * <p>
 * What cannot apply decides where the record goes:
 * <ul>
 * <li>an outage (the database unreachable, restarting, a deadlock: {@link Outages}, or a failure while a probe of the
 * database fails) is retried with backoff for as long as it lasts; the channel takes no new record meanwhile (the
 * ordered blocking worker is held, SmallRye pauses the partitions and keeps polling) and readiness is DOWN
 * ({@link HeldConsumers});</li>
 * <li>a record that can never apply is nacked, and the channel's dead-letter strategy moves it to the service's
 * {@code zhedel.<service>.dlq} with the reason: unreadable, rejected by the handler ({@link MalformedEventException},
 * {@link IllegalArgumentException}), or failing {@value #ATTEMPTS} times while the database answers.</li>
 * </ul>
 * During shutdown nothing is acked or dead-lettered: Kafka redelivers it after the restart.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    /** Attempts at a record whose failure is not an outage before it is dead-lettered. */
    static final int ATTEMPTS = 4;
    static final String DEAD_LETTERS = "zhedel.dead.letters";

    @Inject
    InboxTransaction transaction;

    @Inject
    DatabaseProbe database;

    @Inject
    HeldConsumers held;

    @Inject
    MeterRegistry metrics;

    private volatile boolean stopping;

    /** Retries as long as an attempt asks for it ({@link Retry}): no cap in number or time (0: no max duration). */
    private Guard retry;

    @PostConstruct
    void buildRetry() {
        retry = Guard.create().withRetry()
                .maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS)
                .delay(200, ChronoUnit.MILLIS).withExponentialBackoff().maxDelay(5, ChronoUnit.SECONDS).done()
                .retryOn(Retry.class)
                .done().build();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    public CompletionStage<Void> handle(Message<String> message, Consumer<ZhedelEvent> handler) {
        if (stopping) {
            return new CompletableFuture<>(); // never completes: its offset is not committed
        }
        String channel = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getChannel).orElse("unknown");
        String ceType = "unreadable";
        try {
            IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new MalformedEventException("not a CloudEvent (no ce_ headers)"));
            ceType = cloudEvent.getType();
            Optional<EventType> type = EventType.ofCeType(ceType);
            if (type.isEmpty()) {
                LOG.debugf("ignoring event type %s", ceType);
                return message.ack();
            }
            ZhedelEvent event = EventJson.read(type.get(), message.getPayload());
            // The connector's consumer span (parented by the record's traceparent) is current while the event
            // applies, so the events it causes are recorded in the outbox under the same trace.
            try (Scope traced = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                    .orElseGet(Context::current).makeCurrent()) {
                applyThroughOutages(channel, () -> transaction.apply(cloudEvent.getId(), cloudEvent.getType(),
                        event, handler));
            }
            return message.ack();
        } catch (RuntimeException e) {
            if (e instanceof Stopping || stopping) {
                return leftForRedelivery("event", e);
            }
            LOG.warnf("event on %s not processed, sent to the dead-letter topic: %s", channel, e.getMessage());
            metrics.counter(DEAD_LETTERS, "channel", channel, "type", ceType).increment();
            return message.nack(e);
        } finally {
            held.released(channel);
        }
    }

    /**
     * A whole polled batch (a channel with {@code batch=true}) in one transaction: one inbox insert for every event id,
     * and {@code handler} gets the events not applied before, in record order, inside that transaction. Outages are
     * retried for the whole batch as for one record. An unreadable record goes to the dead-letter topic on its own
     * before; if the batch fails for good (an event against the contract, or failing {@value #ATTEMPTS} times), its
     * records are applied one by one through {@link #handle}, so that only the one that cannot apply is
     * dead-lettered. Nothing is acked while the service stops.
     */
    public CompletionStage<Void> handleBatch(KafkaRecordBatch<?, String> batch, Consumer<List<ZhedelEvent>> handler) {
        return applyBatch(batch, (events, traces) -> handler.accept(events));
    }

    /**
     * As {@link #handleBatch}, for a handler written for one event at a time (one that loads and locks entities):
     * the batch's events are applied one after the other in its one transaction, each as if it had its own
     * ({@link InboxTransaction#eventByEvent}: in incident order, each event's writes flushed and the session cleared
     * after it, under the trace of its own record).
     */
    public CompletionStage<Void> handleEach(KafkaRecordBatch<?, String> batch, Consumer<ZhedelEvent> handler) {
        return applyBatch(batch, (events, traces) -> transaction.eventByEvent(events, event -> {
            try (Scope traced = traces.getOrDefault(event, Context.current()).makeCurrent()) {
                handler.accept(event);
            }
        }));
    }

    /** The batch's events and the trace context of each one's record (by identity). */
    private CompletionStage<Void> applyBatch(KafkaRecordBatch<?, String> batch,
            BiConsumer<List<ZhedelEvent>, Map<ZhedelEvent, Context>> handler) {
        if (stopping) {
            return new CompletableFuture<>();
        }
        List<KafkaRecord<?, String>> readable = new ArrayList<>();
        List<InboxTransaction.Delivery> deliveries = new ArrayList<>();
        Map<ZhedelEvent, Context> traces = new IdentityHashMap<>();
        String channel = "unknown";
        for (KafkaRecord<?, String> record : batch.getRecords()) {
            channel = record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getChannel).orElse(channel);
            Optional<IncomingCloudEventMetadata> cloudEvent = record.getMetadata(IncomingCloudEventMetadata.class);
            Optional<EventType> type = cloudEvent.flatMap(ce -> EventType.ofCeType(ce.getType()));
            if (cloudEvent.isPresent() && type.isEmpty()) {
                continue; // a type this service does not know: acked with the batch
            }
            try {
                if (cloudEvent.isEmpty()) {
                    throw new MalformedEventException("not a CloudEvent (no ce_ headers)");
                }
                ZhedelEvent event = EventJson.read(type.get(), record.getPayload());
                deliveries.add(new InboxTransaction.Delivery(cloudEvent.get().getId(), cloudEvent.get().getType(),
                        event));
                TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                        .ifPresent(context -> traces.put(event, context));
                readable.add(record);
            } catch (MalformedEventException e) {
                // handle() dead-letters it with its reason, as for a record on a channel without batches
                handle(record, event -> {
                    throw e;
                }).toCompletableFuture().join();
            }
        }
        if (deliveries.isEmpty()) {
            return batch.ack();
        }
        try {
            applyThroughOutages(channel, () -> transaction.applyBatch(deliveries,
                    events -> handler.accept(events, traces)));
            return batch.ack();
        } catch (RuntimeException e) {
            if (e instanceof Stopping || stopping) {
                return leftForRedelivery("batch", e);
            }
            LOG.warnf("batch on %s failed (%s): applying its %d records one by one", channel, e.getMessage(),
                    readable.size());
            for (KafkaRecord<?, String> record : readable) {
                // handle() makes the record's trace current itself
                CompletableFuture<Void> done = handle(record, event -> handler.accept(List.of(event), Map.of()))
                        .toCompletableFuture();
                if (stopping) {
                    return new CompletableFuture<>(); // handle() has said the record is left for redelivery
                }
                done.join();
            }
            return batch.ack();
        } finally {
            held.released(channel);
        }
    }

    /** Never completes, so that the offset is not committed: the records come again after the restart. */
    private static CompletionStage<Void> leftForRedelivery(String what, RuntimeException e) {
        LOG.infof("%s left for redelivery after the restart: %s", what, e.getMessage());
        return new CompletableFuture<>();
    }

    /**
     * Runs {@code attempt} until it succeeds, the failure proves permanent (thrown as is), or the service stops
     * ({@link Stopping}).
     */
    private void applyThroughOutages(String channel, Runnable attempt) {
        int[] failures = { 0 };
        retry.get(() -> {
            if (stopping) {
                throw new Stopping();
            }
            try {
                attempt.run();
                return null;
            } catch (MalformedEventException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new Stopping();
                }
                if (Outages.isOutage(e) || !database.reachable()) {
                    held.failed(channel, e);
                    LOG.warnf("event on %s held by an outage, retrying: %s", channel, e.getMessage());
                    throw new Retry(e);
                }
                held.released(channel);
                if (++failures[0] >= ATTEMPTS) {
                    throw new IllegalStateException("failed " + ATTEMPTS + " times while the database answered: "
                            + e.getMessage(), e);
                }
                throw new Retry(e);
            }
        }, Void.class);
    }

    /** An attempt that failed for something that may pass: try again after the backoff. */
    private static final class Retry extends RuntimeException {
        Retry(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The service is stopping: the record is left unacknowledged for redelivery. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("the service is stopping", null, false, false);
        }
    }
}
