package kz.zhedel.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link StrictModel#main} in a Java 21+ JVM when the tests run on an older one: Strimzi's io.strimzi:api 1.2.0
 * is compiled for Java 21. The JDK is ZHEDEL_JAVA21_HOME, else JAVA_HOME, else the first JDK 21+ in the usual
 * install folders; none at all fails with what to install.
 */
final class ModelJvm {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<List<String>> problems(List<JsonNode> objects) {
        Path java = java21().orElseThrow(() -> new AssertionError("validating Strimzi kinds needs a JDK "
                + StrictModel.STRIMZI_JAVA + "+ (io.strimzi:api 1.2.0): install one (e.g. apt-get install "
                + "openjdk-21-jdk-headless) or point ZHEDEL_JAVA21_HOME at it"));
        try {
            Process jvm = new ProcessBuilder(java.toString(), "-Dslf4j.internal.verbosity=ERROR", "-cp", System.getProperty("java.class.path"),
                    StrictModel.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = jvm.getOutputStream()) {
                JSON.writeValue(in, objects);
            }
            byte[] out = jvm.getInputStream().readAllBytes();
            if (!jvm.waitFor(2, TimeUnit.MINUTES) || jvm.exitValue() != 0) {
                throw new AssertionError(java + " could not validate the manifests (exit " + jvm.exitValue() + ")");
            }
            return JSON.readValue(out, new TypeReference<List<List<String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<Path> java21() {
        List<Path> homes = new ArrayList<>();
        for (String variable : List.of("ZHEDEL_JAVA21_HOME", "JAVA_HOME")) {
            Optional.ofNullable(System.getenv(variable)).map(Path::of).ifPresent(homes::add);
        }
        String user = System.getProperty("user.home");
        for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of(user, ".sdkman/candidates/java"),
                Path.of(user, ".jdks"), Path.of("/Library/Java/JavaVirtualMachines"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> jdks = Files.list(folder)) {
                    jdks.sorted().forEach(jdk -> {
                        homes.add(jdk);
                        homes.add(jdk.resolve("Contents/Home"));
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return homes.stream().filter(home -> feature(home) >= StrictModel.STRIMZI_JAVA)
                .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst();
    }

    /** The feature release of a JDK from its {@code release} file (JAVA_VERSION="25.0.1"), 0 when unknown. */
    private static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Repo.read(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private ModelJvm() {
    }
}
