package kz.zhedel.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;

import kz.zhedel.events.ZhedelEvent;

/**
 * The shared test broker ({@link RealInfrastructure}) as the services use it: CloudEvents sent as another service's
 * outbox relay sends them ({@link CloudEventRecords}), topics read from their beginning or from a point
 * ({@link #endOffsets} taken before the action), and a consumer group awaited until it committed past a point.
 * Topics are shared by every test of the JVM, so readers keep the records of their own incident (the record key).
 */
public final class Kafka {

    private static final KafkaCompanion COMPANION = RealInfrastructure.kafkaCompanion();
    /** One producer for the JVM; one record at a time, so that records arrive in the order they are given. */
    private static final ProducerBuilder<String, String> PRODUCER = COMPANION.produceStrings().withConcurrency(1);
    private static final Map<String, TopicLog> TOPICS = new ConcurrentHashMap<>();

    private Kafka() {
    }

    /**
     * Waiting for what a service does asynchronously. A ceiling only: the first wait of a JVM also waits for the
     * service's consumer group to form, which takes over 20 s on a loaded machine.
     */
    public static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60));
    }

    /** Sends the event as its service would, with a fresh CloudEvent id; returns once the broker has it. */
    public static RecordMetadata send(ZhedelEvent event) {
        return send(CloudEventRecords.of(event));
    }

    /** Sends one record; returns once the broker has it. */
    public static RecordMetadata send(ProducerRecord<String, String> record) {
        return send(List.of(record)).get(0);
    }

    /** Sends the records one after the other, in order; returns once the broker has them all. */
    @SafeVarargs
    public static List<RecordMetadata> send(ProducerRecord<String, String>... records) {
        return send(Arrays.asList(records));
    }

    public static List<RecordMetadata> send(List<ProducerRecord<String, String>> records) {
        return PRODUCER.fromRecords(records).awaitCompletion().getRecords();
    }

    /**
     * Sends the records as one produce request: a producer that lingers until all are queued, then flushes. The
     * broker appends a partition's records as one record batch, so a consumer polls them together: records that
     * share a key (hence a partition) reach a batch channel as one polled batch, in the order given.
     */
    public static List<RecordMetadata> sendTogether(List<ProducerRecord<String, String>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            return sent.stream().map(Kafka::sent).toList();
        }
    }

    private static RecordMetadata sent(Future<RecordMetadata> sending) {
        try {
            return sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("not sent: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Everything on the topic since the broker started, read in the background for the rest of the JVM: one reader
     * per topic, shared by every test.
     */
    public static TopicLog topic(String topic) {
        return TOPICS.computeIfAbsent(topic, t -> new TopicLog(COMPANION.consumeStrings().fromTopics(t)));
    }

    /** What arrives on the topics from {@code point} on ({@link #endOffsets}), read until closed. */
    public static TopicLog readFrom(Map<TopicPartition, Long> point) {
        return new TopicLog(COMPANION.consumeStrings().fromOffsets(point));
    }

    /** The broker's topics, without Kafka's internal ones. */
    public static List<String> topics() {
        return COMPANION.topics().list().stream().filter(t -> !t.startsWith("__")).sorted().toList();
    }

    /**
     * Where the topics end now, partition by partition: a point to read from or to await a group at. A topic that
     * does not exist yet (a dead-letter topic before its first record) is created as its first producer would.
     */
    public static Map<TopicPartition, Long> endOffsets(String... topics) {
        createMissing(Set.of(topics));
        List<TopicPartition> partitions = COMPANION.topics().describe(topics).values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = new HashMap<>();
        COMPANION.offsets().list(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Waits until {@code group} has committed its offsets past the sent records: it fully handled them. */
    public static void awaitHandled(String group, RecordMetadata... sent) {
        awaitHandled(group, Arrays.asList(sent));
    }

    public static void awaitHandled(String group, Collection<RecordMetadata> sent) {
        Map<TopicPartition, Long> after = new HashMap<>();
        sent.forEach(r -> after.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        awaitCommitted(group, after);
    }

    /** Waits until {@code group} has committed every record the topics hold now. */
    public static void awaitCaughtUp(String group, String... topics) {
        awaitCommitted(group, endOffsets(topics));
    }

    /** Waits until {@code group}'s committed offset reaches {@code point} on each of its partitions. */
    public static void awaitCommitted(String group, Map<TopicPartition, Long> point) {
        eventually().alias(group + " committed up to " + point).until(() -> hasCommitted(group, point));
    }

    /** Whether {@code group}'s committed offset has reached {@code point} on each of its partitions now. */
    public static boolean hasCommitted(String group, Map<TopicPartition, Long> point) {
        List<TopicPartition> partitions = new ArrayList<>(point.keySet());
        Map<TopicPartition, OffsetAndMetadata> committed = COMPANION.consumerGroups().offsets(group, partitions);
        return partitions.stream().allMatch(p -> point.get(p) == 0
                || committed.get(p) != null && committed.get(p).offset() >= point.get(p));
    }

    private static void createMissing(Set<String> topics) {
        Set<String> existing = COMPANION.topics().list();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
        if (!missing.isEmpty()) {
            try {
                COMPANION.topics().create(missing);
            } catch (RuntimeException e) {
                if (!(rootCause(e) instanceof TopicExistsException)) {
                    throw e;
                }
                // a service's producer created it meanwhile
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
