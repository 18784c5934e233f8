package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static kz.zhedel.testing.Kafka.eventually;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.intake.domain.IncidentLink;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.domain.TimelineEntry;
import kz.zhedel.intake.service.Timeline;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * Both channels consume polled batches, each in one transaction with its inbox rows, event by event
 * ({@code EventInbox.handleEach}). Records sent together ({@link Kafka#sendTogether}: one key, one produce request)
 * arrive as one batch.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumerBatchTest {

    private static final TopicLog deadLetters = Kafka.topic("zhedel.intake.dlq");

    @Inject
    EntityManager em;

    @Inject
    Timeline timeline;

    /**
     * Assigned, acknowledged, on scene, in one batch, each stamped earlier than the one before: the timeline shows
     * them in time order, but they were written in record order.
     */
    @Test
    void anIncidentsEventsInOneBatchApplyInOrderInOneTransaction() {
        UUID id = post("batch-order");
        UUID assignment = UUID.randomUUID();
        UUID psychologist = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ProducerRecord<String, String>> batch = List.of(
                CloudEventRecords.of(new IncidentDispatched(id, assignment, psychologist, ResponderRole.PSYCHOLOGIST,
                        "on call", t.plusSeconds(30), null)),
                CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, psychologist, t.plusSeconds(20),
                        null)),
                CloudEventRecords.of(new AssignmentProgressed(id, assignment, psychologist,
                        ResponderRole.PSYCHOLOGIST, AssignmentProgressed.Stage.ON_SCENE, t.plusSeconds(10), null)));

        Kafka.awaitHandled("intake-service", Kafka.sendTogether(batch).get(2));

        assertEquals(List.of("RECEIVED", "DISPATCHED", "ACKNOWLEDGED", "ON_SCENE"), writtenInOrder(id));
        assertEquals(List.of("RECEIVED", "ON_SCENE", "ACKNOWLEDGED", "DISPATCHED"), timeline(id));
        given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("ON_SCENE"));
        assertEquals(1, transactionsOf(batch), "the three events were taken in in one transaction");
    }

    @Test
    void aDuplicateInTheBatchOrFromAnEarlierOneIsAppliedOnce() {
        UUID id = post("batch-duplicate");
        UUID assignment = UUID.randomUUID();
        UUID psychologist = UUID.randomUUID();
        Instant t = Instant.now();
        ProducerRecord<String, String> dispatched = CloudEventRecords.of(new IncidentDispatched(id, assignment,
                psychologist, ResponderRole.PSYCHOLOGIST, "on call", t, null));
        Kafka.awaitHandled("intake-service", Kafka.sendTogether(List.of(dispatched, dispatched)).get(1));

        // redelivered in a later batch beside a new event
        Kafka.awaitHandled("intake-service", Kafka.sendTogether(List.of(dispatched,
                CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, psychologist, t.plusSeconds(5),
                        null)))).get(1));

        assertEquals(List.of("RECEIVED", "DISPATCHED", "ACKNOWLEDGED"), timeline(id));
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAloneAndTheRestOfItsBatchApplies() {
        UUID id = post("batch-poison");
        UUID assignment = UUID.randomUUID();
        UUID psychologist = UUID.randomUUID();
        Instant t = Instant.now();
        // a step of an incident intake never took in, under this incident's key (hence in its batch)
        ProducerRecord<String, String> stranger = CloudEventRecords.of(new IncidentDispatched(UUID.randomUUID(),
                UUID.randomUUID(), psychologist, ResponderRole.PSYCHOLOGIST, "on call", t, null));
        ProducerRecord<String, String> poison = new ProducerRecord<>(stranger.topic(), null, id.toString(),
                stranger.value(), stranger.headers());

        Kafka.awaitHandled("intake-service", Kafka.sendTogether(List.of(
                CloudEventRecords.of(new IncidentDispatched(id, assignment, psychologist, ResponderRole.PSYCHOLOGIST,
                        "on call", t, null)),
                poison,
                CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, psychologist, t.plusSeconds(5),
                        null)))).get(2));

        eventually().untilAsserted(() -> assertThat(deadLetters.records(id), hasSize(1)));
        ConsumerRecord<String, String> dead = deadLetters.records(id).get(0);
        assertEquals(CloudEventRecords.header(poison.headers(), "ce_id"), CloudEventRecords.header(dead, "ce_id"));
        assertEquals(List.of("RECEIVED", "DISPATCHED", "ACKNOWLEDGED"), timeline(id));
    }

    /**
     * A batch holds its incidents' status locks until it commits. A new report about the same child takes a key-share
     * lock on each earlier incident for its links: it neither waits for the batch nor, taking those locks in another
     * order, deadlocks with it (FOR UPDATE on the status would block the key-share lock).
     */
    @Test
    void aNewReportAboutTheSameChildDoesNotWaitForABatchHoldingAnEarlierIncident() throws Exception {
        UUID earlier = post("batch-held");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            timeline.record(earlier, IncidentStatus.DISPATCHED, Instant.now(), "PSYCHOLOGIST assigned");
            locked.countDown();
            awaitQuietly(release);
        }));
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS), "the batch took its lock");
            UUID later = CompletableFuture.supplyAsync(() -> post("batch-held-later")).get(20, TimeUnit.SECONDS);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> IncidentLink.count(
                    "incidentId = ?1 and earlierId = ?2", later, earlier)), "linked to the incident the batch holds");
        } finally {
            release.countDown();
            batch.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static UUID post(String externalRef) {
        return UUID.fromString(given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(IncidentResourceTest.report(externalRef))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().path("id"));
    }

    private static List<String> timeline(UUID id) {
        return given().auth().oauth2("key-a").get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("timeline.status");
    }

    /** The timeline's steps in the order they were written (ids are handed out in insert order). */
    private static List<String> writtenInOrder(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>list(
                "incidentId = ?1 order by id", id).stream().map(e -> e.status.name()).toList());
    }

    /** How many transactions took the records in: the inbox rows of one transaction share its moment. */
    private long transactionsOf(List<ProducerRecord<String, String>> records) {
        List<String> ids = records.stream().map(r -> CloudEventRecords.header(r.headers(), "ce_id")).toList();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct processed_at) from processed_event where event_id in (?1)")
                .setParameter(1, ids).getSingleResult()).longValue());
    }
}
