package kz.zhedel.e2e;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The packaged services, PostgreSQL and Kafka, run by {@code ./zhedel} exactly as a user runs them, in their own
 * ZHEDEL_HOME and at a port offset. Started once for all ITs of the JVM and stopped when it exits.
 */
public final class Stack {

    public static final String PARTNER_KEY = "dev-partner-key";
    public static final String ADMIN_KEY = "dev-admin-key";
    /** The stack's PostgreSQL superuser and password (initdb -U). */
    public static final String DB_USER = "zhedel";

    private static Stack running;
    /** The SMTP server the stack's notification-service sends e-mail pages to, in this JVM. */
    private static GreenMail mail;
    /** The OpenTelemetry collector the stack's services export their traces to, in this JVM. */
    private static TraceReceiver traces;

    private final Path repo = Path.of(System.getProperty("zhedel.repo", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("zhedel.home", "target/stack")).toAbsolutePath();
    private final int offset = Integer.parseInt(System.getProperty("zhedel.port-offset", "100"));

    private Stack() {
    }

    public static synchronized Stack get() {
        if (running == null) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
            traces = new TraceReceiver();
            Stack stack = new Stack();
            // A fresh stack each run: responders and shifts left by an earlier run would be paged instead of the
            // tests' own (down first, in case an interrupted run left it running).
            stack.zhedel("down");
            stack.wipe();
            stack.zhedel("up");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.zhedel("down")));
            running = stack;
        }
        return running;
    }

    /** The spans the stack's services exported so far. */
    public TraceReceiver traces() {
        return traces;
    }

    /** A service's log, as the packaged (prod-profile) service wrote it. */
    public Path log(String service) {
        return home.resolve("logs").resolve(service + ".log");
    }

    /** E-mails received so far (page e-mails from notification-service). */
    public GreenMail mail() {
        return mail;
    }

    public String intake() {
        return url(8081);
    }

    public String dispatch() {
        return url(8082);
    }

    public String notification() {
        return url(8083);
    }

    public String reporting() {
        return url(8084);
    }

    /** The JDBC URL of one service's database on the stack's PostgreSQL (its superuser: {@link #DB_USER}). */
    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + (15432 + offset) + "/" + service;
    }

    /** {@code ./zhedel dlq SERVICE}: the service's dead letters, as JSON. */
    public String deadLetters(String service) {
        return zhedel("dlq", service);
    }

    /** SIGKILL, as a crash or an OOM kill would do. */
    public void kill(String service) {
        zhedel("kill", service);
    }

    /** {@code up} starts whatever is not running and leaves the rest alone. */
    public void up() {
        zhedel("up");
    }

    /**
     * Starts a further instance of a service's packaged jar beside the stack's own, on a free port, with the
     * settings {@code ./zhedel env} gives; it shares the stack's database and Kafka. Destroy the process to stop it.
     */
    public Instance startAnother(String service) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            socket.close();
            Path log = home.resolve("logs").resolve(service + "-" + port + ".log");
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    repo.resolve(service + "-service/target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            for (String line : zhedel("env", service, Integer.toString(port)).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    builder.environment().put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return new Instance("http://127.0.0.1:" + port, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start another " + service, e);
        }
    }

    /** A service instance started by the test itself. */
    public record Instance(String url, Process process, Path log) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private String url(int port) {
        return "http://127.0.0.1:" + (port + offset);
    }

    /** A bearer token signed with the stack's dev key: {@code ./zhedel token ROLE SUBJECT}. */
    public String token(String role, String subject) {
        return zhedel("token", role, subject).trim();
    }

    /** A one-time sign-in link to the ops board: {@code ./zhedel login ROLE NAME}. */
    public String login(String role, String name) {
        return zhedel("login", role, name).trim();
    }

    private void wipe() {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot wipe " + home, e);
        }
    }

    /** Runs {@code ./zhedel} with this stack's home and offset; returns what it printed. */
    private String zhedel(String... args) {
        try {
            Files.createDirectories(home);
            File log = home.resolve("zhedel-commands.log").toFile();
            File output = Files.createTempFile(home, "zhedel-", ".out").toFile();
            ProcessBuilder builder = new ProcessBuilder(concat(repo.resolve("zhedel").toString(), args))
                    .directory(repo.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log))
                    .redirectOutput(output);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("ZHEDEL_") || name.startsWith("zhedel.")); // keyed: dotted
            env.put("ZHEDEL_HOME", home.toString());
            env.put("ZHEDEL_PORT_OFFSET", Integer.toString(offset));
            // Short retry backoff so that a retried page is seen within the test's patience.
            env.put("ZHEDEL_DELIVERY_INITIAL_BACKOFF", "200ms");
            // ./zhedel passes QUARKUS_* through: notification-service mails to the GreenMail server above.
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
            // Traces on, exported over OTLP/HTTP to the receiver above, in batches a test need not wait long for.
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            Process process = builder.start();
            boolean ok = process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0;
            String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
            if (!"token".equals(args[0]) && !"login".equals(args[0])) { // a credential stays out of the log
                Files.writeString(log.toPath(), printed, StandardOpenOption.APPEND);
            }
            Files.delete(output.toPath());
            if (!ok) {
                throw new IllegalStateException("./zhedel " + String.join(" ", args) + " failed, see " + log
                        + ":\n" + tail(log.toPath()));
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./zhedel", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
