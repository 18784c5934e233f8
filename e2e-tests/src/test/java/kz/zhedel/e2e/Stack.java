package kz.zhedel.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services, PostgreSQL and Kafka, run by {@code ./zhedel} exactly as a user runs them, in their own
 * ZHEDEL_HOME and at a port offset. Started once for all ITs of the JVM and stopped when it exits.
 */
public final class Stack {

    public static final String PARTNER_KEY = "dev-partner-key";
    public static final String ADMIN_KEY = "dev-admin-key";

    private static Stack running;

    private final Path repo = Path.of(System.getProperty("zhedel.repo", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("zhedel.home", "target/stack")).toAbsolutePath();
    private final int offset = Integer.parseInt(System.getProperty("zhedel.port-offset", "100"));

    private Stack() {
    }

    public static synchronized Stack get() {
        if (running == null) {
            Stack stack = new Stack();
            stack.zhedel("up");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.zhedel("down")));
            running = stack;
        }
        return running;
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

    /** SIGKILL, as a crash or an OOM kill would do. */
    public void kill(String service) {
        zhedel("kill", service);
    }

    /** {@code up} starts whatever is not running and leaves the rest alone. */
    public void up() {
        zhedel("up");
    }

    private String url(int port) {
        return "http://127.0.0.1:" + (port + offset);
    }

    /** A bearer token signed with the stack's dev key: {@code ./zhedel token ROLE SUBJECT}. */
    public String token(String role, String subject) {
        try {
            Process process = command("token", role, subject).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./zhedel token " + role + " " + subject + " failed");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./zhedel", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder command(String... args) {
        ProcessBuilder builder = new ProcessBuilder(concat(repo.resolve("zhedel").toString(), args))
                .directory(repo.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ZHEDEL_"));
        env.put("ZHEDEL_HOME", home.toString());
        env.put("ZHEDEL_PORT_OFFSET", Integer.toString(offset));
        // Short retry backoff so that a retried page is seen within the test's patience.
        env.put("ZHEDEL_DELIVERY_INITIAL_BACKOFF", "200ms");
        return builder;
    }

    private void zhedel(String... args) {
        try {
            Files.createDirectories(home);
            File log = home.resolve("zhedel-commands.log").toFile();
            Process process = command(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./zhedel " + String.join(" ", args) + " failed, see " + log
                        + ":\n" + tail(log.toPath()));
            }
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
