package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.OPS_KEY;
import static kz.zhedel.reporting.Fixtures.deadLetters;
import static kz.zhedel.reporting.Fixtures.reported;
import static kz.zhedel.reporting.Fixtures.send;
import static kz.zhedel.reporting.Fixtures.summary;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import kz.zhedel.events.EventType;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/** Dead letters are counted, listed for ops with their reason, and replayed once they can apply. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DeadLetterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPORTED = EventType.INCIDENT_REPORTED.ceType();

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonCountedAndListed() {
        double before = deadLettersCounted("events", REPORTED);
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> template = CloudEventRecords.of(reported(id, "2026-04-10T10:00:00Z"));
        send(new ProducerRecord<>(template.topic(), null, template.key(), "{\"incidentId\": \"" + id + "\", ",
                template.headers()));

        Map<String, Object> dead = await().atMost(PATIENCE).until(() -> listed(id), d -> d != null);
        assertThat(dead.get("type"), equalTo(REPORTED));
        assertThat(dead.get("topic"), equalTo(Topics.INCIDENTS));
        assertThat((String) dead.get("reason"), containsString("incident.reported"));
        assertThat(dead.get("processed"), equalTo(false));
        assertThat((String) dead.get("id"), matchesPattern("\\d+-\\d+"));
        await().atMost(PATIENCE).until(() -> deadLettersCounted("events", REPORTED) == before + 1);
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndASecondReplayChangesNothing() {
        // A valid report that an earlier version dead-lettered for a bug since fixed.
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> valid = CloudEventRecords.of(reported(id, "2026-04-11T10:00:00Z"));
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.REPORTING_DEAD_LETTERS, null, valid.key(),
                valid.value(), valid.headers());
        dead.headers().add("dead-letter-topic", Topics.INCIDENTS.getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-reason", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
        send(dead);
        String deadLetter = (String) await().atMost(PATIENCE).until(() -> listed(id), d -> d != null).get("id");
        assertThat(listed(id).get("processed"), equalTo(false));
        summary("2026-04-11T00:00:00Z", "2026-04-12T00:00:00Z").body("incidents", equalTo(0));

        replay(deadLetter).body("replayed.key", equalTo(List.of(id.toString())));

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-04-11T00:00:00Z", "2026-04-12T00:00:00Z")
                .body("incidents", equalTo(1)));
        await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(listed(id).get("processed")));
        Map<String, Object> once = summaryOf("2026-04-11");

        // Replaying everything skips it now; replaying it by id again is dropped by the inbox.
        JsonPath all = given().auth().oauth2(OPS_KEY).when().post("/api/v1/dead-letters/replay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("replayed.key").contains(id.toString()), equalTo(false));
        replay(deadLetter).body("replayed", hasSize(1));
        // A later report on the same partition (same key): once it counts, the second replay was handled before it.
        UUID later = UUID.randomUUID();
        ProducerRecord<String, String> marker = CloudEventRecords.of(reported(later, "2026-04-12T10:00:00Z"));
        send(new ProducerRecord<>(marker.topic(), null, id.toString(), marker.value(), marker.headers()));
        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-04-12T00:00:00Z", "2026-04-13T00:00:00Z")
                .body("incidents", equalTo(1)));
        assertThat(summaryOf("2026-04-11"), equalTo(once));
    }

    @Test
    void anUnknownDeadLetterIsNotFoundAndOnlyOpsMayListOrReplay() {
        given().auth().oauth2(OPS_KEY).when().post("/api/v1/dead-letters/9-999999/replay")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Fixtures.PARTNER_KEY).when().get("/api/v1/dead-letters").then().statusCode(403);
        given().when().post("/api/v1/dead-letters/replay").then().statusCode(401);
        assertThat(deadLetters().extract().jsonPath().getList("findAll { it.id == '9-999999' }"), empty());
    }

    private static io.restassured.response.ValidatableResponse replay(String deadLetter) {
        return given().auth().oauth2(OPS_KEY).when().post("/api/v1/dead-letters/" + deadLetter + "/replay")
                .then().statusCode(200);
    }

    /** The listed dead letter of the incident, or null. */
    private static Map<String, Object> listed(UUID incident) {
        List<Map<String, Object>> found = deadLetters().extract().jsonPath()
                .getList("findAll { it.key == '" + incident + "' }");
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private static Map<String, Object> summaryOf(String day) {
        Map<String, Object> summary = summary(day + "T00:00:00Z", day + "T23:59:59Z").statusCode(200).extract()
                .jsonPath().getMap("");
        summary.remove("generatedAt");
        return summary;
    }

    /** {@code zhedel_dead_letters_total} of the channel and event type, as Prometheus scrapes it. */
    private static double deadLettersCounted(String channel, String type) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("zhedel_dead_letters_total{") && l.contains("channel=\"" + channel + "\"")
                        && l.contains("type=\"" + type + "\""))
                .map(l -> l.split(" # ")[0]) // without the exemplar (trace and span id) OpenTelemetry adds
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
