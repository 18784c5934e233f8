package kz.zhedel.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * Reads the service's dead-letter topic and feeds records back to the topic they came from, through short-lived
 * Kafka clients built from the service's own {@code kafka.*} configuration (so the production listener's
 * authentication applies). A replayed record keeps its key, value and CloudEvent headers, so the normal consumer
 * path applies it, and the inbox drops an event it already applied: replay is idempotent.
 */
@ApplicationScoped
public class DeadLetters {

    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String REASON = "dead-letter-reason";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "zhedel.dead-letters.topic")
    String topic;

    @Inject
    EntityManager em;

    /** Every dead letter, oldest first per partition. */
    public List<DeadLetter> list() {
        List<ConsumerRecord<String, String>> records = read();
        Set<String> processed = processed(records);
        return records.stream().map(r -> view(r, processed)).toList();
    }

    /** Replays the dead letter named {@code id}, whatever its state; empty if there is no such record. */
    public Optional<DeadLetter> replay(String id) {
        List<ConsumerRecord<String, String>> records = read();
        Set<String> processed = processed(records);
        Optional<ConsumerRecord<String, String>> record = records.stream().filter(r -> id(r).equals(id)).findFirst();
        record.ifPresent(r -> {
            if (header(r, ORIGINAL_TOPIC) == null) {
                throw new ClientErrorException("dead letter " + id + " does not name the topic it came from ("
                        + ORIGINAL_TOPIC + ")", Response.Status.CONFLICT);
            }
            send(List.of(r));
        });
        return record.map(r -> view(r, processed));
    }

    /**
     * Replays every dead letter whose event has not been applied since, each event once. A record without a
     * CloudEvent id can never apply and is left out (it can still be replayed by its id).
     */
    public List<DeadLetter> replayUnprocessed() {
        List<ConsumerRecord<String, String>> records = read();
        Set<String> processed = processed(records);
        Set<String> chosen = new HashSet<>();
        List<ConsumerRecord<String, String>> replay = records.stream()
                .filter(r -> eventId(r) != null && !processed.contains(eventId(r)) && chosen.add(eventId(r)))
                .filter(r -> header(r, ORIGINAL_TOPIC) != null)
                .toList();
        send(replay);
        return replay.stream().map(r -> view(r, processed)).toList();
    }

    private List<ConsumerRecord<String, String>> read() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> info = consumer.partitionsFor(topic, PATIENCE);
            if (info == null || info.isEmpty()) {
                return List.of(); // nothing was ever dead-lettered
            }
            List<TopicPartition> partitions = info.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the dead-letter topic " + topic + " could not be read in time");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private void send(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(r -> producer.send(original(r))).toList();
            for (Future<RecordMetadata> future : sent) {
                future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the replayed records: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    /** The record as it first arrived: its topic, key, value and every header but the dead-letter ones. */
    private static ProducerRecord<String, String> original(ConsumerRecord<String, String> dead) {
        ProducerRecord<String, String> record = new ProducerRecord<>(header(dead, ORIGINAL_TOPIC), dead.key(),
                dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_HEADERS)) {
                record.headers().add(h);
            }
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    private Set<String> processed(List<ConsumerRecord<String, String>> records) {
        List<String> ids = records.stream().map(DeadLetters::eventId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> Set.copyOf(em
                .createNativeQuery("select event_id from processed_event where event_id in (:ids)")
                .setParameter("ids", ids).getResultList()));
    }

    private static DeadLetter view(ConsumerRecord<String, String> r, Set<String> processed) {
        return new DeadLetter(id(r), header(r, "ce_type"), eventId(r), r.key(), header(r, ORIGINAL_TOPIC),
                header(r, REASON), Instant.ofEpochMilli(r.timestamp()),
                eventId(r) != null && processed.contains(eventId(r)));
    }

    private static String id(ConsumerRecord<String, String> r) {
        return r.partition() + "-" + r.offset();
    }

    private static String eventId(ConsumerRecord<String, String> r) {
        return header(r, "ce_id");
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
