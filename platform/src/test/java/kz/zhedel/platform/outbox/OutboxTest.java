package kz.zhedel.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import kz.zhedel.events.CancelReason;
import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.testing.AtOnce;
import kz.zhedel.testing.RealInfrastructure;

/** The transactional outbox: recorded in the caller's transaction, relayed after commit, once, by either relay. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxTest {

    static final String TOPIC = EventType.of(cancelled(UUID.randomUUID())).topic();

    static ConsumerTask<String, String> topic;

    @Inject
    Outbox outbox;

    @BeforeAll
    static void readTopic() {
        topic = RealInfrastructure.kafkaCompanion().consumeStrings().fromTopics(TOPIC);
    }

    @AfterAll
    static void stopReading() {
        topic.close();
    }

    @Inject
    OutboxRelay relay;

    static IncidentCancelled cancelled(UUID incident) {
        return new IncidentCancelled(incident, CancelReason.DUPLICATE, null, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void anEventRecordedInACommittedTransactionIsOnKafkaAtOnceWithoutThePoll() {
        UUID incident = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.record(cancelled(incident)));

        // the poll is switched off (1 h): only the wake-up after commit can have sent it
        List<ConsumerRecord<String, String>> records = recordsOf(Set.of(incident.toString()), 1);
        assertEquals(incident.toString(), records.get(0).key());
        assertEquals(EventJson.write(cancelled(incident)), records.get(0).value());
        assertEquals(0, pending(incident), "marked published once the broker acknowledged it");
    }

    @Test
    void anEventRecordedInARolledBackTransactionIsNeitherStoredNorSent() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record(cancelled(rolledBack));
            throw new IllegalStateException("the state change failed");
        }));
        QuarkusTransaction.requiringNew().run(() -> outbox.record(cancelled(committed)));

        // the committed one, recorded after, arrives; the rolled back one never was a row
        recordsOf(Set.of(committed.toString()), 1);
        assertEquals(0, QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("recordKey", rolledBack.toString())));
        assertTrue(recordsOf(Set.of(rolledBack.toString(), committed.toString()), 1).stream()
                .noneMatch(r -> r.key().equals(rolledBack.toString())));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.record(cancelled(UUID.randomUUID())));
    }

    @Test
    void twoRelaysDrainingAtOnceSendEachRowOnce() throws Exception {
        int rows = 450; // more than two batches of 200, so both relays claim while the other holds its batch
        List<String> keys = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows; i++) {
                UUID incident = UUID.randomUUID();
                keys.add(incident.toString());
                OutboxEvent row = new OutboxEvent(); // written directly: no wake-up, the relays below do it all
                row.eventId = UUID.randomUUID();
                row.ceType = EventType.of(cancelled(incident)).ceType();
                row.topic = TOPIC;
                row.recordKey = incident.toString();
                row.payload = EventJson.write(cancelled(incident));
                row.occurredAt = Instant.now();
                row.persist();
            }
        });
        List<Integer> sent = AtOnce.call(2, () -> {
            int relayed = 0;
            for (int batch; (batch = relay.relayBatch()) > 0;) {
                relayed += batch;
            }
            return relayed;
        });
        assertEquals(rows, sent.get(0) + sent.get(1), "every row claimed by exactly one relay");
        List<ConsumerRecord<String, String>> records = recordsOf(new HashSet<>(keys), rows);
        assertEquals(rows, records.size());
        assertEquals(rows, records.stream().map(ConsumerRecord::key).distinct().count(), "no row sent twice");
    }

    private static long pending(UUID incident) {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("recordKey = ?1 and publishedAt is null", incident.toString()));
    }

    /** The records on the topic whose key is one of {@code keys}, once {@code expected} of them are there. */
    private static List<ConsumerRecord<String, String>> recordsOf(Set<String> keys, int expected) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> topic.getRecords().stream().filter(r -> keys.contains(r.key())).toList(),
                matching -> matching.size() >= expected);
    }
}
