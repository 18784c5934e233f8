package kz.zhedel.bench.pipeline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the same PostgreSQL and Kafka do without zhedel, measured in the same run: durable single-row inserts at the
 * intake benchmark's concurrency, and Kafka's produce (acks=all) and end-to-end latency at a fixed rate.
 */
final class BareInfrastructure {

    record Kafka(Step.Percentiles produce, Step.Percentiles endToEnd) {
    }

    private BareInfrastructure() {
    }

    /** Committed single-row inserts per second from {@code clients} connections into a scratch database. */
    static double insertsPerSecond(String serverUrl, String user, String password, int clients, int seconds)
            throws SQLException, InterruptedException {
        try (Connection admin = DriverManager.getConnection(serverUrl + "/postgres", user, password);
                Statement s = admin.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = 'zhedel_bench'").next()) {
                s.execute("create database zhedel_bench");
            }
        }
        String url = serverUrl + "/zhedel_bench";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop table if exists bare_insert");
            s.execute("create table bare_insert (id bigserial primary key, at timestamptz not null, body text)");
        }
        AtomicLong inserted = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c.prepareStatement(
                                "insert into bare_insert (at, body) values (now(), ?)")) {
                    insert.setString(1, "x".repeat(600)); // about an encrypted report's size
                    while (System.nanoTime() < end) {
                        insert.executeUpdate(); // autocommit: one durable commit per row
                        inserted.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return inserted.get() / (double) seconds;
    }

    /** Produce latency (send to acknowledgement, acks=all) and end to end (send to poll) at {@code rate}/s. */
    static Kafka kafka(String bootstrap, int rate, int seconds) throws InterruptedException {
        String topic = "zhedel.bench.bare.v1";
        Histogram produce = new Histogram(60_000_000L, 3);
        Histogram endToEnd = new Histogram(60_000_000L, 3);
        long total = (long) rate * seconds;
        try (KafkaProducer<String, Long> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new LongSerializer());
                KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "zhedel-bench-bare-" + System.nanoTime(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(),
                        new LongDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", System.nanoTime())).get(); // topic and metadata
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            AtomicLong received = new AtomicLong();
            Thread reader = new Thread(() -> {
                while (received.get() < total) {
                    for (ConsumerRecord<String, Long> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        synchronized (endToEnd) {
                            endToEnd.recordValue(Math.max(0, (now - r.value()) / 1000));
                        }
                        received.incrementAndGet();
                    }
                }
            });
            reader.start();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k" + (i % 16), sent), (meta, error) -> {
                    synchronized (produce) {
                        produce.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                    }
                });
            }
            producer.flush();
            reader.join(TimeUnit.SECONDS.toMillis(30));
            reader.interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
        return new Kafka(Step.Percentiles.of(produce), Step.Percentiles.of(endToEnd));
    }
}
