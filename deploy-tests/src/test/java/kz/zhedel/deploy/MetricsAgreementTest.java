package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alerts use metrics that exist (or that deploy/README.md lists as to come); the SQL ones match the schema. */
class MetricsAgreementTest {

    static final Set<String> SQL_WORDS = Set.of("select", "count", "coalesce", "extract", "epoch", "from", "now",
            "min", "max", "where", "null", "and", "not");

    static JsonNode queries() throws IOException {
        return Manifests.YAML.readTree(Manifests.of("prod").get("ConfigMap", "zhedel-db-metrics")
                .at("/data/queries").asText());
    }

    /** cnpg_<query>_<column> for every query and metric column: what CloudNativePG's exporter publishes. */
    static Set<String> sqlMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        queries().fields().forEachRemaining(q -> q.getValue().path("metrics").forEach(
                m -> m.fieldNames().forEachRemaining(c -> names.add("cnpg_" + q.getKey() + "_" + c))));
        return names;
    }

    @Test
    void everyMetricAnAlertUsesExistsOrIsListedAsToCome() throws IOException {
        Set<String> exposed = new TreeSet<>(sqlMetrics());
        // every service: the inbox's dead-letter counter, as Micrometer names it for Prometheus
        String inbox = Repo.read(Repo.ROOT.resolve("platform/src/main/java/kz/zhedel/platform/inbox/EventInbox.java"));
        Matcher counter = Pattern.compile("DEAD_LETTERS = \"([a-z.]+)\"").matcher(inbox);
        assertTrue(counter.find());
        exposed.add(counter.group(1).replace('.', '_') + "_total");
        // the gauges the services register (Micrometer's names, as Prometheus spells them)
        exposed.addAll(gauges());
        // Strimzi's Kafka Exporter, when the Kafka resource enables it
        assertFalse(Manifests.of("prod").get("Kafka", "zhedel").at("/spec/kafkaExporter").isMissingNode());
        exposed.add("kafka_consumergroup_lag");

        Set<String> toCome = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| \\w+ \\| `(\\w+)`.*\\| to come").matcher(
                Repo.read(Repo.DEPLOY.resolve("README.md")));
        while (row.find()) {
            toCome.add(row.group(1));
        }
        Set<String> used = new TreeSet<>();
        for (JsonNode group : Manifests.of("prod").get("PrometheusRule", "zhedel").at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                Matcher metric = Pattern.compile("\\b((?:zhedel|cnpg|kafka)_\\w+)\\b").matcher(rule.path("expr").asText());
                while (metric.find()) {
                    used.add(metric.group(1));
                }
            }
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exposed);
        assertEquals(toCome, unknown, "metrics the alerts use that nothing exposes must be the README's 'to come'");
        assertTrue(exposed.contains("zhedel_roster_uncovered_roles"), "the services' gauges were read: " + exposed);
        assertTrue(used.contains("cnpg_zhedel_outbox_oldest_seconds") && used.contains("zhedel_dead_letters_total"),
                "the alerts were read: " + used);
    }

    static Set<String> gauges() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern gauge = Pattern.compile("Gauge\\.builder\\((?:\"([a-z.]+)\"|NAME)");
        Pattern constant = Pattern.compile("NAME = \"([a-z.]+)\"");
        for (String service : new String[] {"intake", "dispatch", "notification", "reporting"}) {
            try (Stream<Path> files = Files.walk(Repo.ROOT.resolve(service + "-service/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Repo.read(file);
                    Matcher use = gauge.matcher(code);
                    while (use.find()) {
                        String name = use.group(1);
                        if (name == null) {
                            Matcher named = constant.matcher(code);
                            name = named.find() ? named.group(1) : null;
                        }
                        if (name != null) {
                            names.add(name.replace('.', '_'));
                        }
                    }
                }
            }
        }
        return names;
    }

    /** Each query reads tables and columns of its databases' Flyway migrations, and statuses the code writes. */
    @Test
    void theDatabaseQueriesMatchTheSchema() throws IOException {
        Set<String> databases = new TreeSet<>();
        Manifests.of("prod").all("Database").forEach(d -> databases.add(d.at("/spec/name").asText()));
        Map<String, String> problems = new TreeMap<>();
        var it = queries().fields();
        while (it.hasNext()) {
            var q = it.next();
            String sql = q.getValue().path("query").asText();
            Set<String> columns = new TreeSet<>();
            q.getValue().path("metrics").forEach(m -> m.fieldNames().forEachRemaining(columns::add));
            for (JsonNode db : q.getValue().path("target_databases")) {
                assertTrue(databases.contains(db.asText()), q.getKey() + " targets " + db.asText());
                String schema = migrations(db.asText());
                Matcher word = Pattern.compile("\\b([a-z_]{3,})\\b").matcher(sql.replaceAll("'[^']*'", ""));
                while (word.find()) {
                    String w = word.group(1);
                    if (!SQL_WORDS.contains(w) && !columns.contains(w) && !schema.contains(w)) {
                        problems.put(q.getKey() + "@" + db.asText(), w + " is in no migration of " + db.asText());
                    }
                }
            }
            Matcher literal = Pattern.compile("'([A-Z_]+)'").matcher(sql);
            while (literal.find()) {
                String statuses = Repo.read(Repo.ROOT.resolve(
                        "dispatch-service/src/main/java/kz/zhedel/dispatch/domain/IncidentStatus.java"));
                if (!Pattern.compile("(?m)^\\s+" + literal.group(1) + "[,;]").matcher(statuses).find()) {
                    problems.put(q.getKey(), literal.group(1) + " is no IncidentStatus");
                }
            }
        }
        assertEquals(Map.of(), problems);
    }

    /** The platform's migrations (every service has them) and the service's own. */
    static String migrations(String service) {
        StringBuilder text = new StringBuilder();
        for (Path dir : new Path[] {Repo.ROOT.resolve("platform/src/main/resources/db/platform"),
                Repo.ROOT.resolve(Repo.app(service)).resolve("src/main/resources/db/migration")}) {
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted().forEach(f -> text.append(Repo.read(f).toLowerCase()).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
