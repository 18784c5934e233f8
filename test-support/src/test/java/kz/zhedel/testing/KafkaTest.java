package kz.zhedel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.EventJson;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.events.ZhedelEvent;

/** The Kafka toolkit against the real broker of {@link RealInfrastructure}. */
class KafkaTest {

    private static IncidentReported reported(UUID incident) {
        Instant received = Instant.parse("2041-03-01T10:15:00Z");
        return new IncidentReported(incident, "school-a", Category.BULLYING, Severity.P2, District.BAIKONUR,
                "school-42", Language.KK, received.minusSeconds(600), received);
    }

    @Test
    void sendsAnEventAsTheOutboxRelayOfItsServiceDoes() {
        UUID incident = UUID.randomUUID();
        IncidentReported event = reported(incident);
        String ceId = UUID.randomUUID().toString();
        Map<TopicPartition, Long> before = Kafka.endOffsets(Topics.INCIDENTS);

        Kafka.send(CloudEventRecords.of(event, ceId, Instant.parse("2041-03-01T10:15:00.123456Z")));

        try (TopicLog log = Kafka.readFrom(before)) {
            ConsumerRecord<String, String> record = log.awaitRecord(r -> incident.toString().equals(r.key()));
            assertEquals(Topics.INCIDENTS, record.topic());
            assertEquals(EventJson.write(event), record.value());
            assertEquals(Map.of("ce_specversion", "1.0", "ce_id", ceId, "ce_type", "kz.zhedel.incident.reported.v1",
                    "ce_source", "urn:zhedel:intake-service", "ce_subject", incident.toString(),
                    "ce_time", "2041-03-01T10:15:00.123456Z", "content-type", "application/json"),
                    headers(record));
            assertEquals(event, CloudEventRecords.decode(record));
        }
    }

    @Test
    void readsFromAPointOnlyWhatCameAfterIt() {
        UUID incident = UUID.randomUUID();
        Kafka.send(reported(incident));
        Map<TopicPartition, Long> point = Kafka.endOffsets(Topics.INCIDENTS);
        Kafka.send(new IncidentLinksChanged(incident, 1, Instant.parse("2041-03-01T11:00:00Z")));

        try (TopicLog log = Kafka.readFrom(point)) {
            assertEquals(List.of(new IncidentLinksChanged(incident, 1, Instant.parse("2041-03-01T11:00:00Z"))),
                    List.of(log.awaitOnly(incident, IncidentLinksChanged.class)));
            assertTrue(log.events(incident, IncidentReported.class).isEmpty(), "sent before the point");
        }
        // the topic's shared log has both, in the order sent
        assertEquals(List.of(IncidentReported.class, IncidentLinksChanged.class),
                Kafka.topic(Topics.INCIDENTS).awaitEvents(incident, ZhedelEvent.class, 2).stream()
                        .map(Object::getClass).toList());
    }

    @Test
    void sendsRecordsInTheOrderGiven() {
        UUID incident = UUID.randomUUID();
        List<ZhedelEvent> events = List.of(reported(incident),
                new IncidentLinksChanged(incident, 1, Instant.parse("2041-03-01T11:00:00Z")),
                new IncidentLinksChanged(incident, 2, Instant.parse("2041-03-01T12:00:00Z")));

        List<RecordMetadata> sent = Kafka.send(events.stream().map(CloudEventRecords::of).toList());

        assertEquals(3, sent.size());
        assertTrue(sent.get(0).offset() < sent.get(1).offset() && sent.get(1).offset() < sent.get(2).offset(),
                "one partition, in order: " + sent);
        assertEquals(events, Kafka.topic(Topics.INCIDENTS).awaitEvents(incident, ZhedelEvent.class, 3));
    }

    @Test
    void aGroupHasHandledARecordOnceItCommittedPastIt() {
        String group = "toolkit-test-" + UUID.randomUUID();
        RecordMetadata sent = Kafka.send(reported(UUID.randomUUID()));
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        Map<TopicPartition, Long> after = Map.of(partition, sent.offset() + 1);
        assertFalse(Kafka.hasCommitted(group, after), "a group that never committed");

        commit(group, partition, sent.offset());
        assertFalse(Kafka.hasCommitted(group, after), "committed up to the record, not past it");

        commit(group, partition, sent.offset() + 1);
        assertTrue(Kafka.hasCommitted(group, after));
        Kafka.awaitHandled(group, sent);
        assertTrue(Kafka.hasCommitted(group, Map.of(new TopicPartition(sent.topic(), (sent.partition() + 1) % 3), 0L)),
                "nothing to commit on a partition at its start");
    }

    @Test
    void aTopicNotThereYetStartsEmpty() {
        String topic = "zhedel.toolkit-test." + UUID.randomUUID();
        Map<TopicPartition, Long> ends = Kafka.endOffsets(topic);
        assertFalse(ends.isEmpty());
        assertTrue(ends.values().stream().allMatch(offset -> offset == 0), ends.toString());
    }

    @Test
    void readsEveryRecordUpToAPoint() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Kafka.send(reported(first));
        Kafka.send(reported(second));
        Map<TopicPartition, Long> end = Kafka.endOffsets(Kafka.topics().toArray(String[]::new));
        assertTrue(end.keySet().stream().noneMatch(p -> p.topic().startsWith("__")), "no internal topics");
        Map<TopicPartition, Long> beginning = new java.util.HashMap<>();
        end.keySet().forEach(p -> beginning.put(p, 0L));

        try (TopicLog log = Kafka.readFrom(beginning)) {
            List<ConsumerRecord<String, String>> read = log.awaitReached(end);
            assertEquals(end.values().stream().mapToLong(Long::longValue).sum(), read.size(), "every record, once");
            assertTrue(read.stream().anyMatch(r -> first.toString().equals(r.key()))
                    && read.stream().anyMatch(r -> second.toString().equals(r.key())));
        }
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        RealInfrastructure.kafkaCompanion().consumerGroups().alterOffsets(group,
                Map.of(partition, new OffsetAndMetadata(offset)));
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), CloudEventRecords.header(record, h.key())));
        return headers;
    }
}
