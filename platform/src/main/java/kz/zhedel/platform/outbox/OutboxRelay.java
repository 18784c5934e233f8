package kz.zhedel.platform.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.platform.sql.PgArray;
import kz.zhedel.platform.tracing.TraceParent;

/**
 * Moves committed outbox rows to Kafka in commit order. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances of a service can relay side by side, and marked published only after the broker acknowledged
 * them: a crash in between re-sends (consumers skip duplicates by event id), it never loses.
 * <p>
 * One thread does all the relaying: drains asked for right after a commit, and a periodic poll as the safety net
 * for wake-ups lost to a crash or a broker outage. It starts with the application, once messaging has wired the
 * {@code outbox} channel (a library-priority start-up observer), and its first poll picks up what a previous run
 * left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    OutboxConfig config;

    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ScheduledExecutorService worker;

    void onStart(@Observes StartupEvent event) {
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        worker.scheduleWithFixedDelay(this::wake, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Asks for a drain; wakes coalesce while one is queued. Before start-up the first poll does it. */
    public void wake() {
        ScheduledExecutorService current = worker;
        if (current != null && !current.isShutdown() && pending.compareAndSet(false, true)) {
            current.execute(this::drain);
        }
    }

    private void drain() {
        pending.set(false);
        try {
            while (relayBatch() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, the next poll retries: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> batch = em.createNativeQuery("select * from outbox_event where published_at is null "
                    + "order by id limit " + BATCH + " for update skip locked", OutboxEvent.class).getResultList();
            CompletableFuture<?>[] sent = batch.stream()
                    .map(row -> emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage())
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sent).join();
            if (!batch.isEmpty()) { // one statement, not an update per row at the flush
                em.createNativeQuery("update outbox_event set published_at = ?1 where id = any(cast(?2 as bigint[]))")
                        .setParameter(1, clock.instant())
                        .setParameter(2, PgArray.literal(batch.stream().map(row -> row.id).toList()))
                        .executeUpdate();
            }
            return batch.size();
        });
    }

    private Message<String> toMessage(OutboxEvent row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId.toString())
                .withType(row.ceType)
                .withSource(URI.create("urn:zhedel:" + source))
                .withSubject(row.recordKey)
                .withDataContentType("application/json")
                .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .build();
        TraceParent trace = row.trace();
        // The connector's producer span takes the writer's span as its parent and puts its own traceparent in the
        // record's headers, where the consumer's connector picks it up.
        return trace.present()
                ? Message.of(row.payload, Metadata.of(cloudEvent, kafka, TracingMetadata.withCurrent(trace.context())))
                : Message.of(row.payload, Metadata.of(cloudEvent, kafka));
    }
}
