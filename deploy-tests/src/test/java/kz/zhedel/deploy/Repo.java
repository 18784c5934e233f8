package kz.zhedel.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checkout the manifests must agree with: each service's configuration, routes and the launcher. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("zhedel.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");

    /** The services, as the launcher runs them ({@code SERVICES=(intake dispatch ...)} in ./zhedel). */
    static List<String> services() {
        Matcher m = Pattern.compile("(?m)^readonly SERVICES=\\(([^)]*)\\)").matcher(read(ROOT.resolve("zhedel")));
        if (!m.find()) {
            throw new IllegalStateException("./zhedel declares no SERVICES");
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /** {@code intake} → {@code intake-service}: the module, the Deployment, the KafkaUser and the consumer group. */
    static String app(String service) {
        return service + "-service";
    }

    static Properties properties(String service) {
        return load(ROOT.resolve(app(service)).resolve("src/main/resources/application.properties"));
    }

    /** Platform's defaults for every service (a service's application.properties overrides them). */
    static Properties platformProperties() {
        return load(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Values of {@code mp.messaging.incoming.<channel>.<suffix>} of every channel (prod: unprofiled keys). */
    static Set<String> incoming(String service, String suffix) {
        Properties p = properties(service);
        Set<String> values = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\." + Pattern.quote(suffix))) {
                values.add(p.getProperty(key));
            }
        }
        return values;
    }

    /**
     * The consumer groups of a service's channels: a channel's own {@code group.id}, else platform's connector default
     * ({@code mp.messaging.connector.smallrye-kafka.group.id}, the application name).
     */
    static Set<String> consumerGroups(String service) {
        Properties p = properties(service);
        String fallback = platformProperties().getProperty("mp.messaging.connector.smallrye-kafka.group.id")
                .replace("${quarkus.application.name}", p.getProperty("quarkus.application.name"));
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (channel.matches()) {
                groups.add(p.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id", fallback));
            }
        }
        return groups;
    }

    static int httpPort(String service) {
        return Integer.parseInt(properties(service).getProperty("quarkus.http.port"));
    }

    /** Keys the dev profile sets and prod does not: prod must get them from its environment. */
    static Set<String> devOnlyKeys(String service) {
        Properties p = properties(service);
        Set<String> keys = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%dev.") && !p.containsKey(key.substring("%dev.".length()))) {
                keys.add(key.substring("%dev.".length()));
            }
        }
        return keys;
    }

    /** The environment variable a property is read from (SmallRye Config's mapping). */
    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** The variables {@code ./zhedel}'s {@code service_env} gives SERVICE ("NAME=value" lines of the function). */
    static Set<String> launcherEnv(String service) {
        String launcher = read(ROOT.resolve("zhedel"));
        Matcher fn = Pattern.compile("(?s)\\nservice_env\\(\\) \\{(.*?)\\n\\}").matcher(launcher);
        if (!fn.find()) {
            throw new IllegalStateException("./zhedel has no service_env");
        }
        Set<String> names = new LinkedHashSet<>();
        // Blocks guarded by [[ "$name" == x || ... ]] apply to the services they name.
        String body = fn.group(1);
        Matcher block = Pattern.compile("(?s)if \\[\\[(.*?)\\]\\]; then(.*?)\\n  fi").matcher(body);
        String unguarded = block.replaceAll("");
        block.reset();
        addNames(unguarded, names);
        while (block.find()) {
            if (Pattern.compile("==\\s*" + service + "\\b").matcher(block.group(1)).find()) {
                addNames(block.group(2), names);
            }
        }
        return names;
    }

    private static void addNames(String text, Set<String> names) {
        Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]*)=").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /**
     * The routes of a service's and platform's REST resources (each method's {@code @Path} under its class's, e.g.
     * {@code /board/incidents/{id}/assign}; a class's own path for its methods without one), its static files
     * ({@code src/main/resources/META-INF/resources}) and {@code /webjars/} when it serves webjars.
     */
    static Set<String> routes(String service) {
        Set<String> paths = new TreeSet<>();
        for (Path dir : List.of(ROOT.resolve(app(service)).resolve("src/main/java"),
                ROOT.resolve("platform/src/main/java"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith("Resource.java")).forEach(f -> {
                    String text = read(f);
                    Matcher type = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)").matcher(text);
                    if (!type.find()) {
                        return;
                    }
                    paths.add(normalized(type.group(1)));
                    Matcher method = Pattern.compile("(?m)^\\s+@Path\\(\"([^\"]+)\"\\)").matcher(text);
                    while (method.find()) {
                        paths.add(normalized(type.group(1) + "/" + method.group(1)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path statics = ROOT.resolve(app(service)).resolve("src/main/resources/META-INF/resources");
        if (Files.isDirectory(statics)) {
            try (Stream<Path> files = Files.walk(statics)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> paths.add("/" + statics.relativize(f).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (read(ROOT.resolve(app(service)).resolve("pom.xml")).contains("<groupId>org.webjars")) {
            paths.add("/webjars/");
        }
        return paths;
    }

    private static String normalized(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repo() {
    }
}
