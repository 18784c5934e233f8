package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.zhedel.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Kafka declarations agree with the code: topics, ACLs, consumer groups and scaling. */
class KafkaAgreementTest {

    static final java.util.List<String> OVERLAYS = Manifests.OVERLAYS;

    /** The one topic each service writes through its outbox (Topics' "Written by"); reporting writes none. */
    static final Map<String, String> WRITES = Map.of(
            "intake", Topics.INCIDENTS, "dispatch", Topics.DISPATCH, "notification", Topics.NOTIFICATIONS);

    static Set<String> topicsInEvents() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }

    static Map<String, Integer> partitions(Manifests m) {
        Map<String, Integer> partitions = new java.util.TreeMap<>();
        m.all("KafkaTopic").forEach(t -> partitions.put(t.at("/spec/topicName").asText(),
                t.at("/spec/partitions").asInt()));
        return partitions;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicInEventsAndNoOtherHasAKafkaTopic(String overlay) throws Exception {
        Set<String> topics = topicsInEvents();
        assertTrue(topics.containsAll(Set.of(Topics.INCIDENTS, Topics.REPORTING_DEAD_LETTERS)));
        assertEquals(topics, partitions(Manifests.of(overlay)).keySet());
        for (String service : Repo.services()) {
            assertTrue(topics.contains(Repo.properties(service).getProperty("zhedel.dead-letters.topic")),
                    service + "'s dead-letter topic is in Topics");
            assertTrue(topics.containsAll(Repo.incoming(service, "topic")), service + " consumes only Topics");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void brokersCreateNoTopicOfTheirOwn(String overlay) {
        assertEquals("false", Manifests.of(overlay).get("Kafka", "zhedel")
                .at("/spec/kafka/config/auto.create.topics.enable").asText());
    }

    @org.junit.jupiter.api.Test
    void prodKeepsThreeCopiesAndAcknowledgesOnlyWithTwo() {
        Manifests prod = Manifests.of("prod");
        assertEquals(3, prod.get("KafkaNodePool", "combined").at("/spec/replicas").asInt());
        JsonNode config = prod.get("Kafka", "zhedel").at("/spec/kafka/config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        for (JsonNode topic : prod.all("KafkaTopic")) {
            assertEquals(3, topic.at("/spec/replicas").asInt(), topic.at("/spec/topicName").asText());
            assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt(), topic.at("/spec/topicName").asText());
        }
        // The outbox relay writes with acks=all, which is what makes min.insync.replicas count.
        assertEquals("all", Repo.platformProperties()
                .getProperty("mp.messaging.outgoing.outbox.acks"));
    }

    /**
     * Each KafkaUser grants what its service's configuration uses and nothing else: Read/Describe on what it
     * consumes (and Write there, to replay its dead letters to where they came from), Write/Describe on the topic
     * it publishes, Read/Write/Describe on its dead-letter topic, Read on its consumer group.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServicesAclsAreExactlyWhatItReadsAndWrites(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String service : Repo.services()) {
            Set<String> expected = new TreeSet<>();
            for (String topic : Repo.incoming(service, "topic")) {
                expected.addAll(Set.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe",
                        "topic:" + topic + ":Write"));
            }
            String dlq = Repo.properties(service).getProperty("zhedel.dead-letters.topic");
            expected.addAll(Set.of("topic:" + dlq + ":Read", "topic:" + dlq + ":Write", "topic:" + dlq + ":Describe"));
            if (WRITES.containsKey(service)) {
                expected.addAll(Set.of("topic:" + WRITES.get(service) + ":Write",
                        "topic:" + WRITES.get(service) + ":Describe"));
            }
            Repo.consumerGroups(service).forEach(g -> expected.add("group:" + g + ":Read"));
            JsonNode user = m.get("KafkaUser", Repo.app(service));
            assertEquals("tls", user.at("/spec/authentication/type").asText(), service);
            assertEquals(expected, acls(user), overlay + " " + service);
        }
    }

    static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            assertEquals("literal", acl.at("/resource/patternType").asText("literal"));
            for (JsonNode op : acl.path("operations")) {
                String key = acl.at("/resource/type").asText() + ":" + acl.at("/resource/name").asText() + ":"
                        + op.asText();
                assertTrue(acls.add(key), "granted twice: " + key);
            }
        }
        return acls;
    }

    /** KEDA watches the lag of the service's own group on every topic it consumes, and scales within partitions. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void consumersScaleOnTheirOwnLagWithinThePartitions(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, Integer> partitions = partitions(m);
        for (String service : Repo.services()) {
            Set<String> topics = Repo.incoming(service, "topic");
            int fewest = topics.stream().mapToInt(partitions::get).min().orElseThrow();
            var hpa = m.find("HorizontalPodAutoscaler", Repo.app(service));
            if (hpa.isPresent()) {
                assertTrue(hpa.get().at("/spec/maxReplicas").asInt() <= fewest, service);
                continue;
            }
            JsonNode scaled = m.get("ScaledObject", Repo.app(service));
            assertEquals(Repo.app(service), scaled.at("/spec/scaleTargetRef/name").asText());
            assertTrue(scaled.at("/spec/maxReplicaCount").asInt() <= fewest, service + " scales beyond partitions");
            Set<String> watched = new HashSet<>();
            for (JsonNode trigger : scaled.at("/spec/triggers")) {
                assertEquals("kafka", trigger.path("type").asText());
                assertEquals(Repo.consumerGroups(service), Set.of(trigger.at("/metadata/consumerGroup").asText()));
                assertEquals(m.get("KafkaUser", "keda").path("kind").asText(), "KafkaUser");
                watched.add(trigger.at("/metadata/topic").asText());
            }
            assertEquals(topics, watched, service + " scales on the topics it consumes");
        }
    }
}
