package kz.zhedel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One overlay as {@code kubectl kustomize} renders it ({@link Kubectl}): the text and each object. */
record Manifests(String overlay, String text, List<JsonNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    private static Manifests render(String overlay) {
        String text = Kubectl.run("kustomize", Repo.DEPLOY.resolve("overlays").resolve(overlay).toString());
        try {
            List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()
                    .stream().filter(n -> n != null && !n.isNull() && !n.isEmpty()).toList();
            return new Manifests(overlay, text, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
