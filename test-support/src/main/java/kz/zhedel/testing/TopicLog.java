package kz.zhedel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

import kz.zhedel.events.ZhedelEvent;

/** The records of a topic read in the background ({@link Kafka#topic}, {@link Kafka#readFrom}), as they arrive. */
public final class TopicLog implements AutoCloseable {

    private final ConsumerTask<String, String> task;

    TopicLog(ConsumerTask<String, String> task) {
        this.task = task;
    }

    /** Every record read so far. */
    public List<ConsumerRecord<String, String>> records() {
        return task.getRecords();
    }

    public List<ConsumerRecord<String, String>> records(Predicate<? super ConsumerRecord<String, String>> which) {
        return records().stream().filter(which).toList();
    }

    /** The records about one incident (the record key). */
    public List<ConsumerRecord<String, String>> records(UUID incidentId) {
        return records(r -> incidentId.toString().equals(r.key()));
    }

    /** The events about one incident so far, in the order of its partition. */
    public List<ZhedelEvent> events(UUID incidentId) {
        return records(incidentId).stream().map(CloudEventRecords::decode).toList();
    }

    public <T extends ZhedelEvent> List<T> events(UUID incidentId, Class<T> type) {
        return events(incidentId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first record that matches and returns it. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<? super ConsumerRecord<String, String>> which) {
        return Kafka.eventually().until(() -> records(which).stream().findFirst().orElse(null), Objects::nonNull);
    }

    /** Waits until exactly {@code count} events of {@code type} about the incident have arrived; returns them. */
    public <T extends ZhedelEvent> List<T> awaitEvents(UUID incidentId, Class<T> type, int count) {
        Kafka.eventually().untilAsserted(() -> assertEquals(count, events(incidentId, type).size(),
                type.getSimpleName() + " for " + incidentId));
        return events(incidentId, type);
    }

    /** Waits for the one event of {@code type} about the incident. */
    public <T extends ZhedelEvent> T awaitOnly(UUID incidentId, Class<T> type) {
        return awaitEvents(incidentId, type, 1).get(0);
    }

    /** Waits until the log has read every record before {@code point} ({@link Kafka#endOffsets}); returns them all. */
    public List<ConsumerRecord<String, String>> awaitReached(Map<TopicPartition, Long> point) {
        Kafka.eventually().alias("read up to " + point).until(() -> {
            Map<TopicPartition, Long> read = task.latestOffsets();
            return point.entrySet().stream().allMatch(p -> p.getValue() == 0
                    || read.getOrDefault(p.getKey(), -1L) >= p.getValue() - 1);
        });
        return records();
    }

    @Override
    public void close() {
        task.close();
    }
}
