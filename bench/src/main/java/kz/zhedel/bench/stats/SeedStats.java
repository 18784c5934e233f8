package kz.zhedel.bench.stats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import kz.zhedel.bench.ConsumerLag;
import kz.zhedel.events.EventIds;
import kz.zhedel.bench.LocalStack;
import kz.zhedel.testing.CloudEventRecords;

/**
 * {@code ./zhedel seed-stats N [SEED]}: publishes N synthetic incidents ({@link SyntheticIncidents}) to the local
 * dev stack's topics as the services would, waits until reporting's consumer group has committed every record, and
 * prints reporting's ingest rate. The other services are stopped by the launcher meanwhile and their groups moved
 * past the seed ({@link ConsumerLag#skipToEnd}): the incidents are for the statistics, nobody is paged. Refuses any stack but the local dev stack ({@link LocalStack#requireLocalDevStack}).
 */
public final class SeedStats {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !args[0].matches("[1-9][0-9]{0,8}")) {
            System.err.println("usage: ./zhedel seed-stats N [SEED]   (N incidents, 1 to 999,999,999)");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        long seed = args.length == 2 ? Long.parseLong(args[1]) : System.nanoTime();
        LocalStack stack = LocalStack.devStackOrExit();
        List<String> schools = registeredSchools(stack);
        System.out.printf("Seeding %,d incidents (seed %d) over the last 365 days, %d registered schools%n", n, seed,
                schools.size());
        Result result = seed(stack, n, seed, schools);
        System.out.println(result.describe());
        write(stack.home().resolve("bench/seed-stats.json"), result.json());
    }

    /** What a seed did and how fast reporting took it in. */
    record Result(long incidents, long events, double publishSeconds, double ingestSeconds, long ingested) {
        double ingestRate() {
            return ingested / ingestSeconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "Published %,d events of %,d incidents in %.1f s (%,.0f events/s); "
                    + "reporting took in %,d records in %.1f s from the first send: %,.0f events/s", events,
                    incidents, publishSeconds, events / publishSeconds, ingested, ingestSeconds, ingestRate());
        }

        String json() {
            return String.format(Locale.ROOT, "{\"incidents\": %d, \"events\": %d, \"publishSeconds\": %.3f, "
                    + "\"ingestSeconds\": %.3f, \"ingested\": %d, \"ingestEventsPerSecond\": %.1f, \"at\": \"%s\"}%n",
                    incidents, events, publishSeconds, ingestSeconds, ingested, ingestRate(), Instant.now());
        }
    }

    static Result seed(LocalStack stack, long n, long seed, List<String> schools) throws InterruptedException {
        SyntheticIncidents incidents = new SyntheticIncidents(seed, Instant.now(), schools, n);
        AtomicLong events = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Admin admin = stack.admin(); KafkaProducer<String, String> producer = producer(stack)) {
            ConsumerLag lag = new ConsumerLag(admin);
            long committedBefore = lag.offsets()[0];
            long start = System.nanoTime();
            for (long i = 0; i < n && failure.get() == null; i++) {
                for (SyntheticIncidents.Timed e : incidents.next()) {
                    producer.send(CloudEventRecords.of(e.event(), EventIds.next().toString(), e.at()),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    events.incrementAndGet();
                }
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("  published %,d incidents%n", i + 1);
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka refused a record: " + failure.get().getMessage(), failure.get());
            }
            lag.skipToEnd(ConsumerLag.OTHER_GROUPS);
            double published = seconds(start);
            lag.awaitCaughtUp(Duration.ofSeconds(5), Duration.ofSeconds(120));
            long ingested = lag.offsets()[0] - committedBefore;
            return new Result(n, events.get(), published, seconds(start), ingested);
        }
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "zhedel-seed-stats"), new StringSerializer(), new StringSerializer());
    }

    /** The school ids of reporting's registry (the dev stack's sample), so that reports name them. */
    static List<String> registeredSchools(LocalStack stack) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.reportingUrl() + "/api/v1/schools")).header("Accept", "text/csv")
                .header("Authorization", "Bearer " + stack.adminKey()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reporting answered " + response.statusCode() + " to GET /api/v1/schools");
        }
        return Arrays.stream(response.body().split("\r?\n")).skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        System.out.println("Written: " + file);
    }

    private SeedStats() {
    }
}
