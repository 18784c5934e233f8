package kz.zhedel.dispatch;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionFactory;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;

import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/**
 * The shared test broker as the other services would use it. Topics are shared by all tests of the JVM, so readers
 * consume from the beginning and keep only the records of their incident (the record key).
 */
final class Kafka {

    private static final KafkaCompanion COMPANION = RealInfrastructure.kafkaCompanion();
    private static final ProducerBuilder<String, String> PRODUCER = COMPANION.produceStrings();

    private Kafka() {
    }

    /** Waiting for what the service does asynchronously: a consumer group joining can take a few seconds. */
    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30));
    }

    static RecordMetadata send(ZhedelEvent event) {
        return send(CloudEventRecords.of(event));
    }

    static RecordMetadata send(ProducerRecord<String, String> record) {
        return PRODUCER.fromRecords(record).awaitCompletion().getFirstRecord();
    }

    /** Waits until dispatch-service has committed its offset past {@code sent}: the record was fully handled. */
    static void awaitHandled(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        eventually().until(() -> {
            OffsetAndMetadata committed = COMPANION.consumerGroups().offsets("dispatch-service", partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    /** Everything on a topic since the broker started, collected in the background until closed. */
    static final class TopicLog implements AutoCloseable {

        private final ConsumerTask<String, String> task;

        TopicLog(String topic) {
            task = COMPANION.consumeStrings().fromTopics(topic);
        }

        List<ConsumerRecord<String, String>> records(UUID incidentId) {
            return task.getRecords().stream().filter(r -> incidentId.toString().equals(r.key())).toList();
        }

        <T extends ZhedelEvent> List<T> events(UUID incidentId, Class<T> type) {
            return records(incidentId).stream().map(CloudEventRecords::decode).filter(type::isInstance)
                    .map(type::cast).toList();
        }

        @Override
        public void close() {
            task.close();
        }
    }
}
