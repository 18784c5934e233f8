package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One overlay as {@code kubectl kustomize} renders it: the text and each object. */
record Manifests(String overlay, String text, List<JsonNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    /** kubectl is part of the toolchain (the project's scripts and CI install it): its absence fails, never skips. */
    private static Manifests render(String overlay) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize",
                    Repo.DEPLOY.resolve("overlays").resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String text = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish");
            }
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize deploy/overlays/" + overlay);
            List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()
                    .stream().filter(n -> n != null && !n.isNull() && !n.isEmpty()).toList();
            return new Manifests(overlay, text, objects);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl must be on the PATH to render deploy/", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    /** The service's container (always called "app"). */
    JsonNode container(String service) {
        for (JsonNode c : get("Deployment", Repo.app(service)).at("/spec/template/spec/containers")) {
            if ("app".equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError(Repo.app(service) + " has no container app");
    }

    @Override
    public String toString() {
        return overlay;
    }
}
