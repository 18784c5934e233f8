package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.restassured.response.ValidatableResponse;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.Kafka;

/** Events with fixed times, records on the shared broker, and the summary as the ops team reads it. */
final class Fixtures {

    static final String OPS_KEY = "test-admin-key";
    static final String PARTNER_KEY = "key-a";

    private Fixtures() {
    }

    static IncidentReported reported(UUID id, String receivedAt, Category category, Severity severity,
            District district) {
        Instant received = Instant.parse(receivedAt);
        return new IncidentReported(id, "school-a", category, severity, district, "school-42", Language.KK,
                received.minusSeconds(3600), received);
    }

    static IncidentReported reported(UUID id, String receivedAt) {
        return reported(id, receivedAt, Category.BULLYING, Severity.P3, District.BAIKONUR);
    }

    static IncidentDispatched dispatched(UUID id, String at) {
        return new IncidentDispatched(id, UUID.randomUUID(), UUID.randomUUID(), ResponderRole.PSYCHOLOGIST,
                "on call in the district", Instant.parse(at), null);
    }

    static IncidentUnassigned unassigned(UUID id, String at) {
        return new IncidentUnassigned(id, ResponderRole.PSYCHOLOGIST, "nobody on call", Instant.parse(at));
    }

    static PageDelivered paged(UUID id, String at) {
        return new PageDelivered(id, UUID.randomUUID(), UUID.randomUUID(), Channel.SMS, Instant.parse(at));
    }

    static AssignmentAcknowledged acknowledged(UUID id, String at) {
        return new AssignmentAcknowledged(id, UUID.randomUUID(), UUID.randomUUID(), Instant.parse(at), null);
    }

    static AssignmentEscalated escalated(UUID id, String at) {
        return new AssignmentEscalated(id, UUID.randomUUID(), UUID.randomUUID(), ResponderRole.PSYCHOLOGIST, 1,
                AssignmentEscalated.Step.REPAGED, Instant.parse(at), null);
    }

    static IncidentResolved resolved(UUID id, String at) {
        return new IncidentResolved(id, Instant.parse(at));
    }

    /** Sends the records one after the other, in order, and waits until the broker has them all. */
    @SafeVarargs
    static List<RecordMetadata> send(ProducerRecord<String, String>... records) {
        return Kafka.send(records);
    }

    /** The service's dead letters as ops lists them ({@code ./zhedel dlq reporting}). */
    static ValidatableResponse deadLetters() {
        return given().auth().oauth2(OPS_KEY).when().get("/api/v1/dead-letters").then().statusCode(200);
    }

    /** The readiness check of the event consumers: its status and, per held channel, why. */
    static Map<String, Object> eventConsumers() {
        return given().when().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'event consumers' }");
    }

    static ValidatableResponse summary(String from, String to) {
        return given().auth().oauth2(OPS_KEY).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/stats/summary")
                .then();
    }
}
