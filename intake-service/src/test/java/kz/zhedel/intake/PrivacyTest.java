package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;
import kz.zhedel.testing.TopicLog;

/**
 * The privacy claims, checked on what a full flow leaves behind: no child's name or reporter's phone in plaintext in
 * any table of the intake database, in any record on any Kafka topic, or in any log line.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PrivacyTest {

    private static final String FIRST = "Жұлдызай";
    private static final String LAST = "Тоқтарова";
    private static final String REPORTER = "Гүлнар Серікқызы";
    private static final String PHONE = "+7 705 864 2291";
    /** Every way the data is written in the flow, and fragments of it. */
    private static final List<String> SECRETS = List.of(FIRST, LAST, "Zhuldyzai", "Toktarova", "Гүлнар",
            "Серікқызы", PHONE, "864 2291", "8642291", "hides in the gym");

    @Inject
    EntityManager db;

    /** Collects every log record, formatted as a handler would write it, with its throwable. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static String report(String externalRef, String first, String last) {
        return IncidentResourceTest.report(externalRef).replace("Айгерим", first).replace("Сапарова", last)
                .replace("Мария Ивановна", REPORTER).replace("+7 701 555 0101", PHONE)
                .replace("classmates push her around every break", "she hides in the gym after lessons");
    }

    @Test
    void noPlaintextInTheDatabaseTheTopicsOrTheLogs() {
        Capture logs = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(logs);
        try {
            fullFlow();
        } finally {
            root.removeHandler(logs);
        }
        assertFalse(logs.lines.isEmpty(), "no log line was captured at all");
        for (String line : logs.lines) {
            assertClean("log: " + line, line);
        }
        String dump = databaseDump();
        assertTrue(dump.contains("school-a"), "the dump reads the incidents");
        assertClean("database", dump);
        List<ConsumerRecord<String, String>> records = everyRecord();
        assertTrue(records.stream().anyMatch(r -> r.topic().equals(Topics.INCIDENTS)));
        for (ConsumerRecord<String, String> record : records) {
            StringBuilder text = new StringBuilder(record.topic() + " " + record.key() + " " + record.value());
            for (Header header : record.headers()) {
                text.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertClean("kafka " + record.topic(), text.toString());
        }
    }

    private void fullFlow() {
        String id = given().auth().oauth2("key-a").header("Idempotency-Key", "privacy-1")
                .contentType(ContentType.JSON).body(report("privacy-1", FIRST, LAST))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().path("id");
        given().auth().oauth2("key-a").header("Idempotency-Key", "privacy-1").contentType(ContentType.JSON)
                .body(report("privacy-1", FIRST, LAST)).when().post("/api/v1/incidents").then().statusCode(202);
        String later = given().auth().oauth2("key-b").contentType(ContentType.JSON)
                .body(report("privacy-2", "Zhuldyzai", "Toktarova")).when().post("/api/v1/incidents")
                .then().statusCode(202).extract().path("id");
        // refused reports carrying the data must not echo it either
        given().auth().oauth2("key-b").contentType(ContentType.JSON)
                .body(report("privacy-3", FIRST + "<b>", LAST).replace("\"P3\"", "\"" + FIRST + "\""))
                .when().post("/api/v1/incidents").then().statusCode(400);
        given().auth().oauth2("key-b").contentType(ContentType.JSON)
                .body(report("privacy-4", FIRST, LAST).replace("\"child\"", "\"" + LAST + "\""))
                .when().post("/api/v1/incidents").then().statusCode(400);

        UUID responder = UUID.randomUUID();
        Kafka.send(
                new IncidentDispatched(UUID.fromString(id), UUID.randomUUID(), responder, ResponderRole.PSYCHOLOGIST,
                        "on call", Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token(Roles.RESPONDER, responder.toString())).header("X-Purpose", "visit")
                .when().get("/api/v1/incidents/" + id + "/details").then().statusCode(200));
        String coordinator = TestTokens.token(Roles.COORDINATOR, "duty-coordinator");
        given().auth().oauth2(coordinator).when().get("/api/v1/incidents/" + later).then().statusCode(200);
        assertEquals(FIRST, given().auth().oauth2(coordinator).header("X-Purpose", "review").when()
                .get("/api/v1/incidents/" + later + "/details").then().statusCode(200).extract()
                .path("child.firstName").toString().replace("Zhuldyzai", FIRST));
        given().auth().oauth2(coordinator).when().get("/api/v1/incidents/" + later + "/links").then().statusCode(200);
    }

    /** Every row of every table of the intake database, as PostgreSQL prints it. */
    private String databaseDump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder dump = new StringBuilder();
            @SuppressWarnings("unchecked")
            List<String> tables = db.createNativeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'").getResultList();
            assertTrue(tables.contains("incident") && tables.contains("access_audit"), tables.toString());
            for (String table : tables) {
                @SuppressWarnings("unchecked")
                List<String> rows = db.createNativeQuery("select t::text from \"" + table + "\" t").getResultList();
                dump.append(table).append('\n');
                rows.forEach(row -> dump.append(row).append('\n'));
            }
            return dump.toString();
        });
    }

    /** Every record on every topic of the broker, from the beginning up to the end of each partition. */
    private static List<ConsumerRecord<String, String>> everyRecord() {
        Map<TopicPartition, Long> end = Kafka.endOffsets(Kafka.topics().toArray(String[]::new));
        Map<TopicPartition, Long> beginning = new HashMap<>();
        end.keySet().forEach(p -> beginning.put(p, 0L));
        try (TopicLog log = Kafka.readFrom(beginning)) {
            return log.awaitReached(end);
        }
    }

    private static void assertClean(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), where + " contains " + secret);
        }
    }
}
