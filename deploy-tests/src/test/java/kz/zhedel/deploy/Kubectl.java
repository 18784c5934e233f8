package kz.zhedel.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubectl that renders the overlays: ZHEDEL_KUBECTL (./zhedel test sets it: kubectl on the PATH when it fits,
 * else the release the launcher installs under ZHEDEL_HOME/tools), else kubectl on the PATH. It must bring kustomize
 * v5 (kubectl 1.27+): Debian's kubectl 1.20 (kustomize 2) fails on the overlays with an obscure parse error.
 * kubectl is part of the toolchain: its absence fails, never skips.
 */
final class Kubectl {

    static final int KUSTOMIZE_MAJOR = 5;
    static final String ADVICE = "`./zhedel kubectl` prints a kubectl that fits, installing kubectl 1.32.3 where none"
            + " does: run the tests through ./zhedel test, or with ZHEDEL_KUBECTL=$(./zhedel kubectl)";

    private static String checked;

    /** The kubectl of this run, its kustomize version checked once. */
    static synchronized String command() {
        if (checked == null) {
            checked = check(command(System.getenv("ZHEDEL_KUBECTL")));
        }
        return checked;
    }

    static String command(String variable) {
        return variable == null || variable.isBlank() ? "kubectl" : variable;
    }

    /** COMMAND, when it runs and brings kustomize v5 or newer. */
    static String check(String command) {
        int major = kustomizeMajor(runWith(command, "version", "--client", "-o", "json"));
        if (major < KUSTOMIZE_MAJOR) {
            throw new AssertionError(command + " brings " + (major == 0 ? "no kustomize version" : "kustomize v" + major)
                    + ", deploy/overlays need kustomize v" + KUSTOMIZE_MAJOR + " (kubectl 1.27+): " + ADVICE);
        }
        return command;
    }

    /** The kustomize major version in {@code kubectl version --client -o json}; 0 when it names none (kubectl 1.20). */
    static int kustomizeMajor(String versionJson) {
        try {
            String version = new ObjectMapper().readTree(versionJson).path("kustomizeVersion").asText();
            Matcher m = Pattern.compile("^v?(\\d+)\\.").matcher(version);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new AssertionError("not kubectl's version: " + versionJson, e);
        }
    }

    /** kubectl ARGS with the checked kubectl: its standard output, or a failure naming the command. */
    static String run(String... args) {
        return runWith(command(), args);
    }

    private static String runWith(String command, String... args) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        try {
            Process kubectl = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new AssertionError(String.join(" ", line) + " did not finish");
            }
            if (kubectl.exitValue() != 0) {
                throw new AssertionError(String.join(" ", line) + " failed (exit " + kubectl.exitValue() + ")");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(command + " cannot be run: " + ADVICE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Kubectl() {
    }
}
