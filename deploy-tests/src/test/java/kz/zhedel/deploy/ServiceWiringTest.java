package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's Deployment, Service, probes, environment and exposure agree with what the service serves and reads. */
class ServiceWiringTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /**
     * Names of the environment a container gets: env entries, the keys of its envFrom ConfigMaps and those of the
     * envFrom Secrets the overlay renders (each behind the entry's prefix).
     */
    static Set<String> environment(Manifests m, JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText();
            JsonNode source = from.has("secretRef") ? m.find("Secret", from.at("/secretRef/name").asText())
                    .orElse(MissingNode.getInstance()) : m.get("ConfigMap", from.at("/configMapRef/name").asText());
            source.path("data").fieldNames().forEachRemaining(key -> names.add(prefix + key));
        }
        return names;
    }

    /**
     * What a service needs in prod: every variable ./zhedel gives it (but the listening address, which the image's
     * defaults and the Deployment's port cover) and every setting its application.properties sets only for dev.
     */
    static Set<String> needed(String service) {
        Set<String> needed = new TreeSet<>(Repo.launcherEnv(service));
        needed.removeAll(Set.of("QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT"));
        Repo.devOnlyKeys(service).forEach(k -> needed.add(Repo.envName(k)));
        return needed;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableAServiceNeedsIsSet(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String service : Repo.services()) {
            Set<String> needed = needed(service);
            assertTrue(needed.contains("QUARKUS_DATASOURCE_PASSWORD") && needed.contains("ZHEDEL_AUTH_ADMIN_KEY"),
                    "the launcher's variables were read: " + needed);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(environment(m, m.container(service)));
            assertEquals(Set.of(), missing, overlay + " " + service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConfigMapAndSecretKeyReferencedExists(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> external = Secrets.madeOutsideManifests(m);
        for (String service : Repo.services()) {
            JsonNode pod = m.get("Deployment", Repo.app(service)).at("/spec/template/spec");
            for (JsonNode env : m.container(service).path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    String name = ref.path("name").asText();
                    m.find("Secret", name).ifPresentOrElse(
                            s -> assertTrue(s.path("data").has(ref.path("key").asText())
                                    || ref.path("optional").asBoolean(), name + "/" + ref.path("key").asText()),
                            () -> assertTrue(external.contains(name), overlay + ": nothing makes secret " + name));
                }
            }
            for (JsonNode from : m.container(service).path("envFrom")) {
                JsonNode ref = from.path("secretRef");
                if (!ref.isMissingNode()) {
                    String name = ref.path("name").asText();
                    assertTrue(m.find("Secret", name).isPresent() || ref.path("optional").asBoolean()
                            || external.contains(name), overlay + ": nothing makes secret " + name);
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    m.get("ConfigMap", volume.at("/configMap/name").asText());
                }
                if (volume.has("secret")) {
                    String name = volume.at("/secret/secretName").asText();
                    assertTrue(m.find("Secret", name).isPresent() || external.contains(name), name);
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAndPortsPointAtWhatTheServiceServes(String overlay) {
        Manifests m = Manifests.of(overlay);
        // The health routes come from quarkus-smallrye-health, which every service gets through platform.
        assertTrue(Repo.read(Repo.ROOT.resolve("platform/pom.xml")).contains("<artifactId>quarkus-smallrye-health<"));
        assertTrue(Repo.read(Repo.ROOT.resolve("platform/pom.xml"))
                .contains("<artifactId>quarkus-micrometer-registry-prometheus<"));
        for (String service : Repo.services()) {
            JsonNode c = m.container(service);
            assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/started", c.at("/startupProbe/httpGet/path").asText(), service);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("http", c.at("/" + probe + "/httpGet/port").asText(), service + " " + probe);
            }
            assertEquals("http", c.at("/ports/0/name").asText());
            assertEquals(Repo.httpPort(service), c.at("/ports/0/containerPort").asInt(),
                    service + " listens on its quarkus.http.port");
            assertFalse(environment(m, c).contains("QUARKUS_HTTP_PORT"), "one port, in application.properties");
            JsonNode svc = m.get("Service", Repo.app(service));
            assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());
            assertEquals(podLabels(m, service), fields(svc.at("/spec/selector")));
            JsonNode monitor = m.get("ServiceMonitor", Repo.app(service));
            assertEquals("http", monitor.at("/spec/endpoints/0/port").asText());
            assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
            assertTrue(fields(svc.at("/metadata/labels")).containsAll(fields(monitor.at("/spec/selector/matchLabels"))));
            JsonNode pdb = m.get("PodDisruptionBudget", Repo.app(service));
            assertTrue(podLabels(m, service).containsAll(fields(pdb.at("/spec/selector/matchLabels"))));
        }
    }

    /**
     * The Ingress routes only intake's incident API, notification's links and callbacks, reporting's figures and the
     * ops board's pages (its root exactly, sign-in and sign-out, its own paths and the webjars it loads). An Exact
     * path must be a route; a Prefix must end at a segment of some route.
     */
    @Test
    void theIngressExposesOnlyPublicRoutesThatExist() {
        Manifests prod = Manifests.of("prod");
        Set<String> exposed = new TreeSet<>();
        for (JsonNode rule : prod.get("Ingress", "zhedel").at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                String backend = path.at("/backend/service/name").asText();
                String route = path.path("path").asText();
                String type = path.path("pathType").asText();
                Set<String> routes = Repo.routes(backend.replace("-service", ""));
                if (type.equals("Exact")) {
                    assertTrue(routes.contains(route), backend + " serves no route " + route + ": " + routes);
                } else {
                    assertEquals("Prefix", type, backend + route);
                    assertTrue(routes.stream().anyMatch(r -> r.equals(route) || r.startsWith(route + "/")),
                            backend + " serves no route under " + route + ": " + routes);
                }
                exposed.add(backend + route + (type.equals("Exact") ? " exact" : ""));
            }
        }
        assertEquals(Set.of("intake-service/api/v1/incidents", "notification-service/ack",
                "notification-service/callbacks", "reporting-service/api/v1/stats", "reporting-service/ exact",
                "reporting-service/login", "reporting-service/logout exact", "reporting-service/board",
                "reporting-service/webjars"), exposed);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsAreHardenedAndStopGracefully(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String service : Repo.services()) {
            JsonNode pod = m.get("Deployment", Repo.app(service)).at("/spec/template/spec");
            JsonNode c = m.container(service);
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), service);
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service);
            assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service);
            assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), service);
            String tmpVolume = null;
            for (JsonNode mount : c.path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals("/tmp")) {
                    tmpVolume = mount.path("name").asText();
                }
            }
            boolean tmpIsEmptyDir = false;
            for (JsonNode v : pod.path("volumes")) {
                tmpIsEmptyDir |= v.path("name").asText().equals(tmpVolume) && v.has("emptyDir");
            }
            assertTrue(tmpIsEmptyDir, service + " writes /tmp to an emptyDir");
            assertFalse(pod.path("topologySpreadConstraints").isEmpty(), service);
            for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                assertFalse(c.at(r).isMissingNode(), service + r);
            }
            Duration shutdown = Duration.parse("PT" + value(c, "QUARKUS_SHUTDOWN_TIMEOUT").toUpperCase());
            long preStop = c.at("/lifecycle/preStop/sleep/seconds").asLong();
            assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > shutdown.toSeconds() + preStop,
                    service + ": the kubelet must not kill before the consumers have stopped");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesDenyByDefaultAndOpenOnlyWhatIsUsed(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode deny = m.get("NetworkPolicy", "services-deny-all");
        assertEquals(Set.of("Ingress", "Egress"), texts(deny.at("/spec/policyTypes")));
        assertTrue(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode());
        Set<String> fromIngressController = new TreeSet<>();
        Set<String> toOutside = new TreeSet<>();
        for (JsonNode policy : m.all("NetworkPolicy")) {
            Set<String> selected = new TreeSet<>();
            for (String service : Repo.services()) {
                if (podLabels(m, service).containsAll(fields(policy.at("/spec/podSelector/matchLabels")))) {
                    selected.add(service);
                }
            }
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if ("ingress-nginx".equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                            .asText())) {
                        fromIngressController.addAll(selected);
                    }
                }
            }
            for (JsonNode rule : policy.at("/spec/egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("ipBlock")) {
                        toOutside.addAll(selected);
                    }
                }
            }
            if (policy == deny) {
                assertEquals(new TreeSet<>(Repo.services()), selected, "deny-all covers every service");
            }
        }
        assertEquals(Set.of("intake", "notification", "reporting"), fromIngressController);
        assertEquals(Set.of("notification"), toOutside);
    }

    /**
     * Traces are off in the services unless switched on (platform's quarkus.otel.sdk.disabled): every pod switches
     * them on, and a NetworkPolicy lets it reach the collector's port.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceExportsTracesToACollectorItMayReach(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> collectorPorts = new TreeSet<>();
        m.get("NetworkPolicy", "services-egress-trace-collector").at("/spec/egress")
                .forEach(rule -> rule.path("ports").forEach(p -> collectorPorts.add(p.path("port").asText())));
        for (String service : Repo.services()) {
            JsonNode c = m.container(service);
            assertEquals("false", value(c, "QUARKUS_OTEL_SDK_DISABLED"), overlay + " " + service);
            String endpoint = value(c, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            assertTrue(collectorPorts.contains(endpoint.substring(endpoint.lastIndexOf(':') + 1)),
                    overlay + " " + service + ": " + endpoint + " is not reachable through " + collectorPorts);
        }
    }

    /** One autoscaler per service owns its replicas: the Deployment sets none that an apply would reset. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void oneAutoscalerOwnsEachServicesReplicas(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String service : Repo.services()) {
            assertTrue(m.get("Deployment", Repo.app(service)).at("/spec/replicas").isMissingNode(), service);
            boolean hpa = m.find("HorizontalPodAutoscaler", Repo.app(service)).isPresent();
            boolean keda = m.find("ScaledObject", Repo.app(service)).isPresent();
            assertTrue(hpa ^ keda, service + " has exactly one autoscaler");
        }
        assertTrue(m.find("HorizontalPodAutoscaler", "intake-service").isPresent(), "intake scales on CPU");
    }

    static String value(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    static Set<String> podLabels(Manifests m, String service) {
        return fields(m.get("Deployment", Repo.app(service)).at("/spec/template/metadata/labels"));
    }

    static Set<String> fields(JsonNode object) {
        Set<String> fields = new HashSet<>();
        object.fields().forEachRemaining(e -> fields.add(e.getKey() + "=" + e.getValue().asText()));
        return fields;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
