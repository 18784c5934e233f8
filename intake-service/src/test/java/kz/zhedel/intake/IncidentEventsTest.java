package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Channel;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;

/** What intake publishes, and how the events coming back build the timeline, through the real broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IncidentEventsTest {

    private String post(String externalRef) {
        return given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(IncidentResourceTest.report(externalRef))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().path("id");
    }

    private List<String> timeline(String id) {
        return given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("timeline.status");
    }

    @Test
    void reportIsPublishedAsACloudEventWithoutPersonalData() {
        String id = post("evt-1");
        ConsumerRecord<String, String> record = published(id);
        assertEquals("kz.zhedel.incident.reported.v1", CloudEventRecords.header(record, "ce_type"));
        assertEquals("1.0", CloudEventRecords.header(record, "ce_specversion"));
        IncidentReported event = (IncidentReported) CloudEventRecords.decode(record);
        assertEquals(UUID.fromString(id), event.incidentId());
        assertEquals("school-a", event.partnerId());
        for (String personal : List.of("Айгерим", "Сапарова", "Мария", "701 555", "classmates")) {
            assertFalse(record.value().contains(personal), "event carries " + personal);
        }
    }

    @Test
    void reportsCarryThePartnersKindAndAStatisticsPseudonymOfTheChildNeverTheLinkingKey() {
        AuthTest.as(AuthTest.OPS).body(java.util.Map.of("id", "helpline-150", "name", "Child helpline 150",
                "kind", "HELPLINE")).when().post("/api/v1/partners").then().statusCode(201);
        String helplineKey = AuthTest.as(AuthTest.OPS).when().post("/api/v1/partners/helpline-150/keys")
                .then().statusCode(201).extract().path("key");
        String fromHelpline = AuthTest.as(helplineKey).body(IncidentResourceTest.report("stats-1"))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().path("id");
        // the same child spelt in Latin by a school, and another child
        String fromSchool = AuthTest.as("key-a").body(IncidentResourceTest.report("stats-2")
                .replace("Айгерим", "Aigerim").replace("Сапарова", "Saparova"))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().path("id");
        String otherChild = AuthTest.as("key-a").body(IncidentResourceTest.report("stats-3")
                .replace("Айгерим", "Дана")).when().post("/api/v1/incidents").then().statusCode(202)
                .extract().path("id");

        IncidentReported helpline = reported(fromHelpline);
        IncidentReported school = reported(fromSchool);
        assertEquals("HELPLINE", helpline.partnerKind());
        assertEquals(null, school.partnerKind(), "a configured key has no kind in the registry");
        assertTrue(helpline.statsChildKey().matches("[0-9a-f]{16}"), helpline.statsChildKey());
        assertEquals(helpline.statsChildKey(), school.statsChildKey(), "one child, however spelt");
        assertNotEquals(helpline.statsChildKey(), reported(otherChild).statsChildKey());
        String linkingKey = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(UUID.fromString(fromHelpline)).childKey);
        assertFalse(linkingKey.startsWith(helpline.statsChildKey()), "not the linking key");
    }

    private IncidentReported reported(String id) {
        return (IncidentReported) CloudEventRecords.decode(published(id));
    }

    /** The first record intake published about the incident. */
    private static ConsumerRecord<String, String> published(String id) {
        return Kafka.topic(Topics.INCIDENTS).awaitRecord(r -> id.equals(r.key()));
    }

    @Test
    void eventsComingBackBuildTheTimelineOnceEach() {
        UUID id = UUID.fromString(post("evt-2"));
        UUID assignment = UUID.randomUUID();
        Instant t = Instant.now();
        IncidentDispatched dispatched = new IncidentDispatched(id, assignment, UUID.randomUUID(),
                ResponderRole.PSYCHOLOGIST, "on call", t, null);
        String ceId = UUID.randomUUID().toString();
        // The acknowledgement may overtake the page: the status still only moves forward.
        Kafka.send(
                CloudEventRecords.of(dispatched, ceId),
                CloudEventRecords.of(dispatched, ceId),
                CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, UUID.randomUUID(), t.plusSeconds(60), null)),
                CloudEventRecords.of(new PageDelivered(id, UUID.randomUUID(), assignment, Channel.WEBHOOK,
                        t.plusSeconds(1))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                List.of("RECEIVED", "DISPATCHED", "PAGED", "ACKNOWLEDGED"), timeline(id.toString())));

        // An escalation and its replacement are steps of their own; they do not move the status back.
        UUID responder = UUID.randomUUID();
        Kafka.send(
                CloudEventRecords.of(new AssignmentEscalated(id, assignment, responder, ResponderRole.PSYCHOLOGIST,
                        2, AssignmentEscalated.Step.REASSIGNED, t.plusSeconds(120), null)),
                CloudEventRecords.of(new IncidentDispatched(id, UUID.randomUUID(), UUID.randomUUID(),
                        ResponderRole.PSYCHOLOGIST, "escalated: " + responder, t.plusSeconds(120), null)));
        // (until both are in, the timeline is shorter: a step not there yet is an assertion to retry, not an error)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                List.of("PSYCHOLOGIST escalated: not acknowledged after 2 pages", "PSYCHOLOGIST assigned"),
                steps(given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then().extract()
                        .<List<String>>path("timeline.detail"), 4, 6)));
        given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"));

        // The team's steps through to the resolution.
        Kafka.send(
                CloudEventRecords.of(new AssignmentProgressed(id, assignment, responder, ResponderRole.PSYCHOLOGIST,
                        Stage.ON_SCENE, t.plusSeconds(600), null)),
                CloudEventRecords.of(new AssignmentProgressed(id, assignment, responder, ResponderRole.PSYCHOLOGIST,
                        Stage.RESOLVED, t.plusSeconds(3600), null)),
                CloudEventRecords.of(new AssignmentProgressed(id, UUID.randomUUID(), UUID.randomUUID(),
                        ResponderRole.PROSECUTOR, Stage.CANCELLED, t.plusSeconds(3600), null)),
                CloudEventRecords.of(new IncidentResolved(id, t.plusSeconds(3600))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                List.of("ON_SCENE", "ROLE_RESOLVED", "RESOLVED"), steps(timeline(id.toString()), 6, 9)));
        given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("RESOLVED"))
                .body("timeline.size()", org.hamcrest.Matchers.equalTo(9));
    }

    /** Entries [from, to) of a timeline; fewer when it is not that long yet, so that the assertion fails and is retried. */
    private static List<String> steps(List<String> timeline, int from, int to) {
        return timeline.subList(Math.min(from, timeline.size()), Math.min(to, timeline.size()));
    }

    @Inject
    SessionFactory hibernate;

    /** A step coming back reads only the incident's status: no incident is loaded, so no personal data decrypted. */
    @Test
    void aTimelineStepLoadsNoIncident() {
        UUID id = UUID.fromString(post("evt-nodecrypt"));
        Statistics statistics = hibernate.getStatistics();
        statistics.clear();

        Kafka.send(CloudEventRecords.of(new IncidentDispatched(id, UUID.randomUUID(), UUID.randomUUID(),
                ResponderRole.PSYCHOLOGIST, "on call", Instant.now(), null)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(QuarkusTransaction.requiringNew()
                .call(() -> Incident.getEntityManager().createNativeQuery("select status from incident where id = ?1")
                        .setParameter(1, id).getSingleResult())));
        assertEquals(0, statistics.getEntityStatistics(Incident.class.getName()).getLoadCount(),
                "the consumer loaded (so decrypted) the incident");
        assertEquals(List.of("RECEIVED", "DISPATCHED"), timeline(id.toString()));
    }

    @Test
    void theTimelineSaysWhoActedAndACancelledIncidentEndsCancelledWithTheReason() {
        UUID id = UUID.fromString(post("evt-cancel"));
        UUID assignment = UUID.randomUUID();
        UUID psychologist = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        Actor coordinator = new Actor("duty-anna", "coordinator");
        Kafka.send(
                CloudEventRecords.of(new IncidentDispatched(id, assignment, psychologist, ResponderRole.PSYCHOLOGIST,
                        "assigned by coordinator duty-anna", t, coordinator)),
                CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, psychologist, t.plusSeconds(30),
                        new Actor(psychologist.toString(), "responder"))),
                CloudEventRecords.of(new AssignmentProgressed(id, assignment, psychologist,
                        ResponderRole.PSYCHOLOGIST, Stage.ON_SCENE, t.plusSeconds(60),
                        new Actor(psychologist.toString(), "responder"))),
                CloudEventRecords.of(new AssignmentProgressed(id, assignment, psychologist,
                        ResponderRole.PSYCHOLOGIST, Stage.HANDED_ON, t.plusSeconds(90), new Actor("ops", "ops"))),
                CloudEventRecords.of(new IncidentCancelled(id, CancelReason.DUPLICATE, coordinator,
                        t.plusSeconds(120))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("reported by school-a",
                "PSYCHOLOGIST assigned (by coordinator duty-anna)", "acknowledged (by the responder)",
                "PSYCHOLOGIST on scene (by the psychologist)", "PSYCHOLOGIST handed on (by ops)",
                "cancelled: DUPLICATE (by coordinator duty-anna)"),
                given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then().extract()
                        .<List<String>>path("timeline.detail")));
        given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("timeline.status", org.hamcrest.Matchers.hasItem("HANDED_ON"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(psychologist.toString())));
        // the retention period of its personal data starts, as for a resolved incident
        assertEquals(t.plusSeconds(120),
                QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id).closedAt));
    }

    @Test
    void theDutyCoordinatorAlertedIsAStepOfItsOwnNotTheTeamAssigned() {
        UUID id = UUID.fromString(post("evt-coordinator"));
        UUID alert = UUID.randomUUID();
        Instant t = Instant.now();
        Kafka.send(
                CloudEventRecords.of(new IncidentUnassigned(id, ResponderRole.PSYCHOLOGIST, "no PSYCHOLOGIST on shift",
                        t)),
                CloudEventRecords.of(new IncidentDispatched(id, alert, UUID.randomUUID(), ResponderRole.COORDINATOR,
                        "duty coordinator alerted (NOBODY_ON_CALL for PSYCHOLOGIST)", t.plusSeconds(1), null)),
                CloudEventRecords.of(new AssignmentEscalated(id, alert, UUID.randomUUID(), ResponderRole.COORDINATOR,
                        0, AssignmentEscalated.Step.REASSIGNED, t.plusSeconds(5),
                        AssignmentEscalated.Cause.PAGE_FAILED)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                List.of("RECEIVED", "UNASSIGNED", "COORDINATOR_ALERTED", "ESCALATED"), timeline(id.toString())));
        given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("ESCALATED"))
                .body("timeline[2].detail", org.hamcrest.Matchers.equalTo(
                        "the duty coordinator of the Psychological Support Centre was alerted"))
                .body("timeline[3].detail", org.hamcrest.Matchers.equalTo(
                        "duty coordinator escalated: could not be reached on any contact"));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndDoesNotBlock() {
        UUID id = UUID.fromString(post("evt-3"));
        ProducerRecord<String, String> poison = CloudEventRecords.of(new IncidentDispatched(id, UUID.randomUUID(),
                UUID.randomUUID(), ResponderRole.PSYCHOLOGIST, "x", Instant.now(), null));
        ProducerRecord<String, String> broken = new ProducerRecord<>(poison.topic(), null, poison.key(),
                "{not json", poison.headers());
        Kafka.send(broken,
                CloudEventRecords.of(new IncidentDispatched(id, UUID.randomUUID(), UUID.randomUUID(),
                        ResponderRole.PSYCHOLOGIST, "on call", Instant.now(), null)));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(List.of("RECEIVED", "DISPATCHED"), timeline(id.toString())));
        ConsumerRecord<String, String> dead = Kafka.topic("zhedel.intake.dlq").awaitRecord(r -> id.toString().equals(r.key()));
        assertEquals("{not json", dead.value());
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertFalse(reason.isBlank());
    }
}
