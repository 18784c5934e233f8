package kz.zhedel.reporting;

import static kz.zhedel.reporting.Fixtures.acknowledged;
import static kz.zhedel.reporting.Fixtures.escalated;
import static kz.zhedel.reporting.Fixtures.resolved;
import static kz.zhedel.reporting.Fixtures.dispatched;
import static kz.zhedel.reporting.Fixtures.paged;
import static kz.zhedel.reporting.Fixtures.reported;
import static kz.zhedel.reporting.Fixtures.send;
import static kz.zhedel.reporting.Fixtures.summary;
import static kz.zhedel.reporting.Fixtures.unassigned;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;

/**
 * Events produced on the real broker end up in the summary. Every test uses its own days and asks for exactly those,
 * because all tests of this class share one database.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IncidentFactTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Test
    void reportedDispatchedPagedAcknowledgedIsCountedInEveryBucket() {
        UUID id = UUID.randomUUID();
        sendLifecycle(id, "2026-03-01");

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")
                .statusCode(200)
                .body("incidents", equalTo(1))
                .body("byCategory", equalTo(Map.of("SUICIDAL_IDEATION", 1)))
                .body("byDistrict", equalTo(Map.of("YESIL", 1)))
                .body("bySeverity", equalTo(Map.of("P1", 1)))
                .body("assigned", equalTo(1))
                .body("unassigned", equalTo(0))
                .body("paged", equalTo(1))
                .body("acknowledged", equalTo(1))
                .body("responseTimes.P1.assignment.p50", equalTo(30))
                .body("responseTimes.P1.firstPageDelivered.p50", equalTo(60))
                .body("responseTimes.P1.acknowledgement.p50", equalTo(120)));
    }

    @Test
    void eventsInReverseOrderGiveTheSameSummary() {
        sendLifecycle(UUID.randomUUID(), "2026-03-02");
        Map<String, Object> inOrder = awaitCompleteSummary("2026-03-02");

        // Each event is consumed before the earlier one is even sent: the acknowledgement arrives first.
        UUID id = UUID.randomUUID();
        send(CloudEventRecords.of(acknowledged(id, "2026-03-03T10:02:00Z")));
        await().atMost(PATIENCE).until(() -> fact(id, "acknowledged_at") != null);
        send(CloudEventRecords.of(paged(id, "2026-03-03T10:01:00Z")));
        await().atMost(PATIENCE).until(() -> fact(id, "first_paged_at") != null);
        send(CloudEventRecords.of(dispatched(id, "2026-03-03T10:00:30Z")));
        await().atMost(PATIENCE).until(() -> fact(id, "first_assigned_at") != null);
        send(CloudEventRecords.of(reported(id, "2026-03-03T10:00:00Z", Category.SUICIDAL_IDEATION, Severity.P1,
                District.YESIL)));

        assertThat(awaitCompleteSummary("2026-03-03"), equalTo(inOrder));
    }

    @Test
    void redeliveredEventIsCountedOnce() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> report = CloudEventRecords.of(reported(id, "2026-03-04T10:00:00Z"),
                "report-" + id);
        ProducerRecord<String, String> dispatch = CloudEventRecords.of(dispatched(id, "2026-03-04T10:01:00Z"),
                "dispatch-" + id);
        int partition = send(report, report).get(0).partition();
        send(dispatch, dispatch, CloudEventRecords.of(acknowledged(id, "2026-03-04T10:05:00Z")));
        // Another incident behind the redelivered report on the same partition: once it counts, both copies are done.
        ProducerRecord<String, String> next = CloudEventRecords.of(reported(UUID.randomUUID(), "2026-03-04T11:00:00Z"));
        send(new ProducerRecord<>(next.topic(), partition, next.key(), next.value(), next.headers()));

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z")
                .body("incidents", equalTo(2))
                .body("byCategory", equalTo(Map.of("BULLYING", 2)))
                .body("acknowledged", equalTo(1))
                .body("assigned", equalTo(1))
                .body("responseTimes.P3.assignment.count", equalTo(1))
                .body("responseTimes.P3.assignment.p50", equalTo(60)));
    }

    @Test
    void incidentNobodyCouldTakeIsUnassignedUntilACoordinatorAssignsIt() {
        UUID waiting = UUID.randomUUID();
        UUID assignedLater = UUID.randomUUID();
        send(CloudEventRecords.of(reported(waiting, "2026-03-05T02:00:00Z")),
                CloudEventRecords.of(unassigned(waiting, "2026-03-05T02:00:05Z")),
                CloudEventRecords.of(reported(assignedLater, "2026-03-05T03:00:00Z")),
                CloudEventRecords.of(unassigned(assignedLater, "2026-03-05T03:00:05Z")),
                CloudEventRecords.of(dispatched(assignedLater, "2026-03-05T03:20:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z")
                .body("incidents", equalTo(2))
                .body("unassigned", equalTo(1))
                .body("assigned", equalTo(1))
                .body("responseTimes.P3.assignment.p50", equalTo(1200))
                .body("responseTimes.P3.acknowledgement.p50", nullValue()));
    }

    @Test
    void theDutyCoordinatorsAlertIsNotTheIncidentBeingAssignedPagedOrAcknowledged() {
        UUID id = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        UUID coordinator = UUID.randomUUID();
        String day = "2026-03-11";
        // the alert's page report may be read before dispatch's event that says it is an alert
        send(CloudEventRecords.of(reported(id, day + "T10:00:00Z")),
                CloudEventRecords.of(new PageDelivered(id, UUID.randomUUID(), alert, Channel.SMS,
                        Instant.parse(day + "T10:00:20Z"))),
                CloudEventRecords.of(unassigned(id, day + "T10:00:05Z")),
                CloudEventRecords.of(new IncidentDispatched(id, alert, coordinator, ResponderRole.COORDINATOR,
                        "duty coordinator alerted (NOBODY_ON_CALL for PSYCHOLOGIST)", Instant.parse(day + "T10:00:05Z"),
                        null)),
                CloudEventRecords.of(new AssignmentAcknowledged(id, alert, coordinator,
                        Instant.parse(day + "T10:00:40Z"), null)),
                CloudEventRecords.of(new AssignmentEscalated(id, alert, coordinator, ResponderRole.COORDINATOR, 1,
                        AssignmentEscalated.Step.REPAGED, Instant.parse(day + "T10:00:50Z"), null)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(fact(id, "last_unassigned_at"), notNullValue());
            summary(day + "T00:00:00Z", day + "T23:59:59Z")
                    .body("incidents", equalTo(1))
                    .body("unassigned", equalTo(1))
                    .body("assigned", equalTo(0))
                    .body("paged", equalTo(0))
                    .body("acknowledged", equalTo(0));
            assertThat(fact(id, "first_paged_at"), nullValue());
            assertThat(fact(id, "acknowledged_at"), nullValue());
            assertThat(fact(id, "first_escalated_at"), nullValue());
        });

        // then a psychologist comes on call: the incident's own milestones are the team's
        UUID team = UUID.randomUUID();
        send(CloudEventRecords.of(new IncidentDispatched(id, team, UUID.randomUUID(), ResponderRole.PSYCHOLOGIST,
                        "retried: PSYCHOLOGIST was waiting", Instant.parse(day + "T10:10:00Z"), null)),
                CloudEventRecords.of(new PageDelivered(id, UUID.randomUUID(), team, Channel.SMS,
                        Instant.parse(day + "T10:10:10Z"))),
                CloudEventRecords.of(new AssignmentAcknowledged(id, team, UUID.randomUUID(),
                        Instant.parse(day + "T10:12:00Z"), null)));
        await().atMost(PATIENCE).untilAsserted(() -> summary(day + "T00:00:00Z", day + "T23:59:59Z")
                .body("assigned", equalTo(1))
                .body("paged", equalTo(1))
                .body("acknowledged", equalTo(1))
                .body("responseTimes.P3.assignment.p50", equalTo(600))
                .body("responseTimes.P3.acknowledgement.p50", equalTo(720)));
    }

    @Test
    void aLaterTimeArrivingFirstDoesNotReplaceTheFirstOne() {
        UUID id = UUID.randomUUID();
        // A team of two: the inspector's assignment and page come in before the psychologist's earlier ones. The
        // dispatch topic keeps one incident's events in order, so once 10:00:40 counts, all unassigned times are in.
        send(CloudEventRecords.of(dispatched(id, "2026-03-08T10:05:00Z")),
                CloudEventRecords.of(unassigned(id, "2026-03-08T10:00:10Z")),
                CloudEventRecords.of(unassigned(id, "2026-03-08T10:20:00Z")),
                CloudEventRecords.of(unassigned(id, "2026-03-08T10:10:00Z")),
                CloudEventRecords.of(dispatched(id, "2026-03-08T10:00:40Z")));
        send(CloudEventRecords.of(paged(id, "2026-03-08T10:06:00Z")),
                CloudEventRecords.of(paged(id, "2026-03-08T10:01:00Z")),
                CloudEventRecords.of(reported(id, "2026-03-08T10:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")
                .body("incidents", equalTo(1))
                .body("assigned", equalTo(1))
                .body("unassigned", equalTo(0))
                .body("paged", equalTo(1))
                .body("responseTimes.P3.assignment.p50", equalTo(40)));
        await().atMost(PATIENCE).until(() -> Instant.parse("2026-03-08T10:01:00Z").equals(fact(id, "first_paged_at")));
        assertThat(fact(id, "last_unassigned_at"), equalTo(Instant.parse("2026-03-08T10:20:00Z")));
    }

    @Test
    void percentilesAreNearestRanksNotMeans() {
        int[] secondsToAcknowledge = { 60, 120, 180, 900 };
        for (int i = 0; i < secondsToAcknowledge.length; i++) {
            UUID id = UUID.randomUUID();
            String received = "2026-03-06T0" + i + ":00:00Z";
            send(CloudEventRecords.of(reported(id, received)),
                    CloudEventRecords.of(dispatched(id, plus(received, 10 * (i + 1)))),
                    CloudEventRecords.of(acknowledged(id, plus(received, secondsToAcknowledge[i]))));
        }
        send(CloudEventRecords.of(reported(UUID.randomUUID(), "2026-03-06T09:00:00Z"))); // still waiting for anyone

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-06T00:00:00Z", "2026-03-07T00:00:00Z")
                .body("incidents", equalTo(5))
                .body("acknowledged", equalTo(4))
                .body("responseTimes.P3.assignment.p50", equalTo(20))
                .body("responseTimes.P3.assignment.p90", equalTo(40))
                .body("responseTimes.P3.acknowledgement.count", equalTo(4))
                .body("responseTimes.P3.acknowledgement.p50", equalTo(120))
                .body("responseTimes.P3.acknowledgement.p90", equalTo(900))
                .body("responseTimes.P3.acknowledgement.p99", equalTo(900)));
    }

    @Test
    void escalationsAndResolutionsAreCountedOncePerIncidentWithThePercentilesOfTimeToResolve() {
        int[] hoursToResolve = { 1, 2, 6 };
        for (int i = 0; i < hoursToResolve.length; i++) {
            UUID id = UUID.randomUUID();
            String received = "2026-03-09T0" + i + ":00:00Z";
            send(CloudEventRecords.of(reported(id, received)),
                    CloudEventRecords.of(escalated(id, plus(received, 60))),
                    CloudEventRecords.of(escalated(id, plus(received, 120))),
                    CloudEventRecords.of(resolved(id, plus(received, hoursToResolve[i] * 3600))));
        }
        send(CloudEventRecords.of(reported(UUID.randomUUID(), "2026-03-09T09:00:00Z"))); // still open

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z")
                .body("incidents", equalTo(4))
                .body("escalated", equalTo(3))
                .body("resolved", equalTo(3))
                .body("responseTimes.P3.resolution.p50", equalTo(7200))
                .body("responseTimes.P3.resolution.p99", equalTo(21600)));
    }

    @Test
    void aCancelledIncidentCountsAsCancelledNotResolved() {
        UUID cancelled = UUID.randomUUID();
        send(CloudEventRecords.of(reported(cancelled, "2026-03-10T01:00:00Z")),
                CloudEventRecords.of(dispatched(cancelled, "2026-03-10T01:00:10Z")),
                CloudEventRecords.of(new IncidentCancelled(cancelled, CancelReason.DUPLICATE,
                        new Actor("duty-anna", "coordinator"), Instant.parse("2026-03-10T01:20:00Z"))),
                CloudEventRecords.of(reported(UUID.randomUUID(), "2026-03-10T02:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")
                .body("incidents", equalTo(2))
                .body("cancelled", equalTo(1))
                .body("resolved", equalTo(0)));
        assertThat(fact(cancelled, "cancelled_at"), equalTo(Instant.parse("2026-03-10T01:20:00Z")));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndDoesNotBlockTheNext() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> good = CloudEventRecords.of(reported(id, "2026-03-07T10:00:00Z"));
        ProducerRecord<String, String> template = CloudEventRecords.of(reported(id, "2026-03-07T10:00:00Z"));
        // Same key, so the same partition: the good record can only be applied after the poison one was handled.
        ProducerRecord<String, String> poison = new ProducerRecord<>(template.topic(), null, template.key(),
                "{\"incidentId\": \"" + id + "\", \"receivedAt\": ", template.headers());
        send(poison, good);

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-03-07T00:00:00Z", "2026-03-08T00:00:00Z")
                .body("incidents", equalTo(1)));
        ConsumerRecord<String, String> dead = Kafka.topic("zhedel.reporting.dlq")
                .awaitRecord(r -> id.toString().equals(r.key()));
        assertThat(dead.value(), equalTo(poison.value()));
        assertThat(CloudEventRecords.header(dead, "ce_type"), equalTo(EventType.INCIDENT_REPORTED.ceType()));
        assertThat(CloudEventRecords.header(dead, "dead-letter-topic"), equalTo(Topics.INCIDENTS));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason"), containsString("incident.reported"));
    }

    /** Reported 10:00:00, assigned 10:00:30, paged 10:01:00, acknowledged 10:02:00 on the given day. */
    private static void sendLifecycle(UUID id, String day) {
        send(CloudEventRecords.of(reported(id, day + "T10:00:00Z", Category.SUICIDAL_IDEATION, Severity.P1,
                District.YESIL)),
                CloudEventRecords.of(dispatched(id, day + "T10:00:30Z")),
                CloudEventRecords.of(paged(id, day + "T10:01:00Z")),
                CloudEventRecords.of(acknowledged(id, day + "T10:02:00Z")));
    }

    /** The day's summary once all four events of its incident count, without the time it was generated. */
    private static Map<String, Object> awaitCompleteSummary(String day) {
        String from = day + "T00:00:00Z";
        String to = day + "T23:59:59Z";
        await().atMost(PATIENCE).untilAsserted(() -> summary(from, to)
                .body("incidents", equalTo(1))
                .body("assigned", equalTo(1))
                .body("paged", equalTo(1))
                .body("acknowledged", equalTo(1)));
        Map<String, Object> summary = summary(from, to).statusCode(200).extract().jsonPath().getMap("");
        assertThat(summary.remove("generatedAt"), notNullValue());
        return summary;
    }

    /** One column of the incident's fact row; null while the row or the value is missing. */
    private Object fact(UUID id, String column) {
        List<?> values = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select " + column + " from incident_fact where incident_id = ?1")
                .setParameter(1, id)
                .getResultList());
        return values.isEmpty() ? null : values.get(0);
    }

    private static String plus(String instant, long seconds) {
        return Instant.parse(instant).plusSeconds(seconds).toString();
    }
}
