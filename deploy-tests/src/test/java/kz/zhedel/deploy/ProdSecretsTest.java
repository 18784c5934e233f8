package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prod carries no secret of its own and none of dev's: the ops team and the operators make them. */
class ProdSecretsTest {

    /** Every dev secret value: the dev overlay's secrets, ./zhedel's defaults and the %dev settings. */
    static Set<String> devValues() {
        Set<String> values = new TreeSet<>();
        for (JsonNode secret : Manifests.of("dev").all("Secret")) {
            // user names are the same everywhere (the database roles); everything else in a secret is secret
            secret.path("data").fields().forEachRemaining(e -> {
                if (!e.getKey().equals("username")) {
                    values.add(new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8));
                }
            });
        }
        Matcher launcher = Pattern.compile("\\$\\{ZHEDEL_[A-Z_]+:-([^}$]+)}").matcher(Repo.read(Repo.ROOT.resolve("zhedel")));
        while (launcher.find()) {
            values.add(launcher.group(1));
        }
        devSecrets().forEach((key, value) -> values.add(value));
        // Short values (ports, ids such as dev-1, user names) are not secrets and may well recur.
        values.removeIf(v -> v.length() < 12 || !v.matches(".*[A-Za-z].*") || v.startsWith("http"));
        return values;
    }

    /** The %dev {@code zhedel.*} settings (platform's and each service's): the one source of the dev secrets. */
    static Map<String, String> devSecrets() {
        List<Properties> sources = new ArrayList<>(List.of(Repo.platformProperties()));
        Repo.services().forEach(service -> sources.add(Repo.properties(service)));
        Map<String, String> secrets = new TreeMap<>();
        for (Properties p : sources) {
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%dev.zhedel.")) {
                    secrets.put(key.substring("%dev.".length()), p.getProperty(key));
                }
            }
        }
        return secrets;
    }

    /** The dev overlay gives each service the dev secrets quarkus:dev and ./zhedel use, not copies that drift. */
    @Test
    void devOverlaySecretsAreTheDevSettings() {
        Manifests dev = Manifests.of("dev");
        Map<String, String> byEnv = new TreeMap<>();
        devSecrets().forEach((key, value) -> byEnv.put(Repo.envName(key), value));
        int compared = 0;
        for (String service : Repo.services()) {
            for (JsonNode env : dev.container(service).path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                String expected = byEnv.get(env.path("name").asText());
                if (ref.isMissingNode() || expected == null) {
                    continue;
                }
                JsonNode data = dev.get("Secret", ref.path("name").asText()).at("/data/" + ref.path("key").asText());
                assertEquals(expected, new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8),
                        service + " " + env.path("name").asText());
                compared++;
            }
            // keyed settings (partner keys by partner id): each key of the secret behind the property's prefix
            for (JsonNode from : dev.container(service).path("envFrom")) {
                if (!from.has("secretRef")) {
                    continue;
                }
                JsonNode data = dev.find("Secret", from.at("/secretRef/name").asText())
                        .orElse(MissingNode.getInstance()).path("data"); // optional, as old keys in dev
                for (var entry : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
                    String property = from.path("prefix").asText() + entry.getKey();
                    assertEquals(devSecrets().get(property), new String(Base64.getDecoder().decode(
                            entry.getValue().asText()), StandardCharsets.UTF_8), service + " " + property);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 8, "the dev secrets were compared: " + compared);
    }

    @Test
    void prodRendersNoSecret() {
        assertEquals(List.of(), Manifests.of("prod").all("Secret"));
    }

    @Test
    void noDevSecretValueReachesProd() {
        Set<String> dev = devValues();
        assertTrue(dev.contains("dev-admin-key") || dev.stream().anyMatch(v -> v.startsWith("zhedel-dev-ack-secret")),
                "dev values were found: " + dev);
        String prod = Manifests.of("prod").text();
        for (String value : dev) {
            assertFalse(prod.contains(value), "a dev value reaches prod: " + value);
            String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            assertFalse(prod.contains(encoded), "a dev value reaches prod base64-encoded: " + value);
        }
    }

    /** Each secret prod reads (services, database roles, backups) is one the README tells ops to create. */
    @Test
    void everySecretProdReadsIsMadeByOpsOrAnOperator() {
        Manifests prod = Manifests.of("prod");
        Set<String> read = new TreeSet<>();
        for (JsonNode object : prod.objects()) {
            collect(object, read);
        }
        Set<String> made = Secrets.madeOutsideManifests(prod);
        Set<String> unmade = new TreeSet<>(read);
        unmade.removeAll(made);
        assertEquals(Set.of(), unmade, "secrets nothing creates (add them to deploy/README.md, Secrets)");
        assertTrue(read.contains("zhedel-db-backup") && read.contains("zhedel-db-intake"), read.toString());
    }

    /** Secret names under secretKeyRef, envFrom's secretRef, secret volumes, passwordSecret, CNPG/KEDA credentials. */
    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String field = e.getKey();
                JsonNode v = e.getValue();
                if (field.equals("secretName")) {
                    names.add(v.asText());
                } else if (Set.of("secretKeyRef", "secretRef", "passwordSecret", "accessKeyId", "secretAccessKey")
                        .contains(field)) {
                    names.add(v.path("name").asText());
                } else if (field.equals("secretTargetRef")) {
                    v.forEach(t -> names.add(t.path("name").asText()));
                }
                collect(v, names);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, names));
        }
    }
}
