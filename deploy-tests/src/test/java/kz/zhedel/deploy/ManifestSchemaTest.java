package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rendered object of every overlay is valid against its kind's model, strictly. */
class ManifestSchemaTest {

    @Test
    void everyObjectOfEveryOverlayIsValid() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Manifests.OVERLAYS) {
            List<JsonNode> objects = Manifests.of(overlay).objects();
            assertFalse(objects.isEmpty(), overlay + " renders nothing");
            List<List<String>> found = StrictModel.problems(objects);
            for (int i = 0; i < objects.size(); i++) {
                String name = overlay + " " + objects.get(i).path("kind").asText() + " "
                        + objects.get(i).at("/metadata/name").asText();
                found.get(i).forEach(p -> problems.add(name + ": " + p));
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A misspelt, misplaced or missing field in each family of kinds (core, Strimzi, monitoring, CNPG, KEDA). */
    record Mistake(String kind, String name, String at, String field, boolean remove) {
        JsonNode apply() {
            JsonNode object = Manifests.of("prod").get(kind, name).deepCopy();
            ObjectNode parent = (ObjectNode) object.at(at);
            if (remove) {
                parent.remove(field);
            } else {
                parent.put(field, "1");
            }
            return object;
        }
    }

    @Test
    void theValidatorCatchesEveryKindOfMistake() {
        List<Mistake> mistakes = List.of(
                new Mistake("Deployment", "intake-service", "/spec/template/spec/containers/0", "readinesProbe", false),
                new Mistake("Deployment", "intake-service", "/spec/template/spec/containers/0/securityContext",
                        "readOnlyRootFs", false),
                new Mistake("NetworkPolicy", "services-deny-all", "/spec", "policyType", false),
                new Mistake("Kafka", "zhedel", "/spec/kafka", "replicas", false),
                new Mistake("KafkaUser", "intake-service", "/spec/authorization/acls/0", "operation", false),
                new Mistake("KafkaTopic", "zhedel-incidents-v1", "/spec", "replicationFactor", false),
                new Mistake("ServiceMonitor", "intake-service", "/spec/endpoints/0", "metricsPath", false),
                new Mistake("Cluster", "zhedel-db", "/spec", "backups", false),
                new Mistake("Database", "intake", "/spec", "owner", true),
                new Mistake("ScaledObject", "dispatch-service", "/spec/triggers/0", "lagTreshold", false),
                new Mistake("ScaledObject", "dispatch-service", "/spec/triggers/0/metadata", "lagTreshold", false),
                new Mistake("ScaledObject", "dispatch-service", "/spec", "scaleTargetRef", true));
        List<JsonNode> objects = new ArrayList<>();
        mistakes.forEach(m -> objects.add(m.apply()));
        List<List<String>> found = StrictModel.problems(objects);
        List<Mistake> missed = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            if (found.get(i).isEmpty()) {
                missed.add(mistakes.get(i));
            }
        }
        assertEquals(List.of(), missed, "mistakes the validator let through");
    }
}
