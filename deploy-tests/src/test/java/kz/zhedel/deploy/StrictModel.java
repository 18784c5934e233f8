package kz.zhedel.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every kind deploy/ may render, and the model it is checked against: core kinds against fabric8's kubernetes-model,
 * Strimzi's against io.strimzi:api, the Prometheus operator's against fabric8's monitoring model, CloudNativePG's
 * and KEDA's against {@link CustomResources}. Strict: an unknown field anywhere fails. (fabric8 and Strimzi keep
 * unknown fields in additionalProperties instead of failing, so every object graph is walked for them.)
 */
final class StrictModel {

    /** io.strimzi:api 1.2.0 is built for Java 21: named, not imported, so that this module compiles on Java 17. */
    private static final String STRIMZI = "io.strimzi.api.kafka.model.";

    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class.getName()),
            Map.entry("v1/Secret", Secret.class.getName()),
            Map.entry("v1/Service", Service.class.getName()),
            Map.entry("apps/v1/Deployment", Deployment.class.getName()),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class.getName()),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class.getName()),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class.getName()),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class.getName()),
            Map.entry("kafka.strimzi.io/v1/Kafka", STRIMZI + "kafka.Kafka"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", STRIMZI + "nodepool.KafkaNodePool"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", STRIMZI + "topic.KafkaTopic"),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", STRIMZI + "user.KafkaUser"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class.getName()),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class.getName()),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class.getName()),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CustomResources.Cluster.class.getName()),
            Map.entry("postgresql.cnpg.io/v1/Database", CustomResources.Database.class.getName()),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CustomResources.ScheduledBackup.class.getName()),
            Map.entry("keda.sh/v1alpha1/ScaledObject", CustomResources.ScaledObject.class.getName()),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", CustomResources.TriggerAuthentication.class.getName()));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /**
     * The problems of each object (empty when it is valid), in order. On a Java older than 21 the objects are
     * checked in a Java 21+ JVM of this machine ({@link ModelJvm}), since Strimzi's model needs one.
     */
    static List<List<String>> problems(List<JsonNode> objects) {
        if (Runtime.version().feature() >= STRIMZI_JAVA) {
            return objects.stream().map(StrictModel::problemsOf).toList();
        }
        return ModelJvm.problems(objects);
    }

    static final int STRIMZI_JAVA = 21;

    /** Entry point of the Java 21+ JVM: a JSON array of objects on stdin, their problems as JSON on stdout. */
    public static void main(String[] args) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        MAPPER.readTree(System.in).forEach(objects::add);
        MAPPER.writeValue(System.out, objects.stream().map(StrictModel::problemsOf).toList());
    }

    private static List<String> problemsOf(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String model = KINDS.get(type);
        if (model == null) {
            return List.of(type + " is not a kind deploy/ knows how to validate");
        }
        Object parsed;
        try {
            parsed = MAPPER.treeToValue(object, Class.forName(model));
        } catch (Exception e) {
            return List.of(type + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(parsed, type, problems);
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (value == null || !isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || !isModel(getter.getDeclaringClass())) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), problems);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private StrictModel() {
    }
}
