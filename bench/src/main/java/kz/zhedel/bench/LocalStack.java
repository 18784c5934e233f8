package kz.zhedel.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The stack the launcher started: its Kafka bootstrap, its {@code ZHEDEL_HOME}, reporting's URL and the ops key,
 * from the environment {@code ./zhedel} gives the bench. {@link #requireLocalDevStack()} refuses anything else.
 */
public record LocalStack(String bootstrap, Path home, String reportingUrl, String adminKey, String jdbcUrl,
        String dbUser, String dbPassword) {

    public static LocalStack fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new LocalStack(required(env, "ZHEDEL_BENCH_BOOTSTRAP"), Path.of(required(env, "ZHEDEL_BENCH_HOME")),
                required(env, "ZHEDEL_BENCH_REPORTING_URL"), required(env, "ZHEDEL_BENCH_ADMIN_KEY"),
                env.getOrDefault("ZHEDEL_BENCH_REPORTING_JDBC_URL", ""), env.getOrDefault("ZHEDEL_BENCH_DB_USER", ""),
                env.getOrDefault("ZHEDEL_BENCH_DB_PASSWORD", ""));
    }

    /** The launcher's stack, or the process ends (status 3) saying why it is not the local dev stack. */
    public static LocalStack devStackOrExit() {
        LocalStack stack = fromEnvironment();
        try {
            stack.requireLocalDevStack();
        } catch (NotTheDevStack e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
        return stack;
    }

    /**
     * The bench writes synthetic incidents and clears statistics: only into the dev stack {@code ./zhedel up}
     * started on this machine. It tells by two facts: every bootstrap address is a loopback address (the launcher
     * binds everything to 127.0.0.1), and the broker's cluster id is the one the launcher formatted into
     * {@code $ZHEDEL_HOME/kafka/data/meta.properties} (a broker it did not format, e.g. {@code ZHEDEL_KAFKA_BOOTSTRAP}
     * or a tunnel to a real cluster on a local port, has another id).
     */
    public void requireLocalDevStack() {
        for (String address : bootstrap.split(",")) {
            String host = address.substring(0, address.lastIndexOf(':'));
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    refuse("Kafka at " + address + " is not on this machine");
                }
            } catch (UnknownHostException e) {
                refuse("cannot resolve Kafka host " + host);
            }
        }
        Path meta = home.resolve("kafka/data/meta.properties");
        if (!Files.isRegularFile(meta)) {
            refuse("no Kafka formatted by ./zhedel under " + home + " (" + meta + " missing)");
        }
        Properties formatted = new Properties();
        try (Reader in = Files.newBufferedReader(meta)) {
            formatted.load(in);
        } catch (IOException e) {
            refuse("cannot read " + meta + ": " + e.getMessage());
        }
        String clusterId;
        try (Admin admin = admin()) {
            clusterId = admin.describeCluster().clusterId().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
        if (!clusterId.equals(formatted.getProperty("cluster.id"))) {
            refuse("the broker at " + bootstrap + " (cluster " + clusterId + ") is not the one ./zhedel formatted in "
                    + home + " (cluster " + formatted.getProperty("cluster.id") + ")");
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static void refuse(String why) {
        throw new NotTheDevStack("refusing to run: not the local dev stack: " + why);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this through ./zhedel");
        }
        return value;
    }

    /** The target is not the local dev stack. */
    public static final class NotTheDevStack extends RuntimeException {
        NotTheDevStack(String message) {
            super(message);
        }
    }
}
