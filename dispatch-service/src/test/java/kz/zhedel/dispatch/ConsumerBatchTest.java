package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.ops;
import static kz.zhedel.testing.Kafka.eventually;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
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

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);
    static final TopicLog deadLetters = Kafka.topic("zhedel.dispatch.dlq");

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    @Test
    void anIncidentsEventsInOneBatchApplyInOrderInOneTransaction() {
        Instant now = clock.travelTo(Instant.parse("2043-01-01T10:00:00Z"));
        onShift("psy-batch-order", District.NURA, now);
        IncidentReported report = reported(now, District.NURA, Language.KK);
        // the links change twice after the report: in record order the count ends at 1; out of order the change
        // would find no incident (a dead letter) or end at 3
        List<ProducerRecord<String, String>> batch = List.of(CloudEventRecords.of(report),
                CloudEventRecords.of(new IncidentLinksChanged(report.incidentId(), 3, now)),
                CloudEventRecords.of(new IncidentLinksChanged(report.incidentId(), 1, now.plusSeconds(1))));

        Dispatching.awaitHandled(Kafka.sendTogether(batch).get(2));

        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("linkedIncidents", equalTo(1)).body("assignments", hasSize(1));
        assertEquals(1, transactionsOf(batch), "the three events were taken in in one transaction");
        assertThat(deadLetters.records(report.incidentId()), hasSize(0));
    }

    @Test
    void aDuplicateInTheBatchOrFromAnEarlierOneIsAppliedOnce() {
        Instant now = clock.travelTo(Instant.parse("2043-01-02T10:00:00Z"));
        onShift("psy-batch-duplicate", District.NURA, now);
        IncidentReported report = reported(now, District.NURA, Language.KK);
        ProducerRecord<String, String> reportRecord = CloudEventRecords.of(report);
        Kafka.sendTogether(List.of(reportRecord, reportRecord,
                CloudEventRecords.of(new IncidentLinksChanged(report.incidentId(), 2, now))));
        dispatch.awaitOnly(report.incidentId(), PageRequested.class);

        // redelivered in a later batch beside a new event
        Dispatching.awaitHandled(Kafka.sendTogether(List.of(reportRecord,
                CloudEventRecords.of(new IncidentLinksChanged(report.incidentId(), 4, now.plusSeconds(1))))).get(1));

        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED), recorded(report.incidentId()));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("linkedIncidents", equalTo(4)).body("assignments", hasSize(1));
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAloneAndTheRestOfItsBatchApplies() {
        Instant now = clock.travelTo(Instant.parse("2043-01-03T10:00:00Z"));
        onShift("psy-batch-poison", District.NURA, now);
        IncidentReported report = reported(now, District.NURA, Language.KK);
        // links changed of an incident dispatch never took in, under this incident's key (hence in its batch)
        ProducerRecord<String, String> stranger = CloudEventRecords.of(
                new IncidentLinksChanged(UUID.randomUUID(), 1, now));
        ProducerRecord<String, String> poison = new ProducerRecord<>(stranger.topic(), null,
                report.incidentId().toString(), stranger.value(), stranger.headers());

        Dispatching.awaitHandled(Kafka.sendTogether(List.of(CloudEventRecords.of(report), poison,
                CloudEventRecords.of(new IncidentLinksChanged(report.incidentId(), 2, now)))).get(2));

        eventually().untilAsserted(() -> assertThat(deadLetters.records(report.incidentId()), hasSize(1)));
        ConsumerRecord<String, String> dead = deadLetters.records(report.incidentId()).get(0);
        assertEquals(CloudEventRecords.header(poison.headers(), "ce_id"), CloudEventRecords.header(dead, "ce_id"));
        // the failed batch's first attempt left nothing behind: the report is dispatched once
        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED), recorded(report.incidentId()));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("linkedIncidents", equalTo(2));
    }

    /**
     * Delivered, acknowledged, on scene and resolved through the page, in one batch: each step needs the one before
     * (an on-scene before the acknowledgement would be ignored), and each finds the assignment as the one before
     * left it.
     */
    @Test
    void aPagesReportsInOneBatchMoveTheAssignmentStepByStep() {
        Instant now = clock.travelTo(Instant.parse("2043-01-04T10:00:00Z"));
        UUID psychologist = onShift("psy-batch-steps", District.NURA, now);
        IncidentReported report = reported(now, District.NURA, Language.KK);
        Kafka.send(report);
        PageRequested page = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        UUID incident = report.incidentId();
        List<ProducerRecord<String, String>> batch = List.of(
                CloudEventRecords.of(new PageDelivered(incident, page.pageId(), page.assignmentId(), Channel.WEBHOOK,
                        now.plusSeconds(1))),
                CloudEventRecords.of(new PageAcknowledged(incident, page.pageId(), page.assignmentId(), psychologist,
                        now.plusSeconds(2))),
                CloudEventRecords.of(new PageProgressed(incident, page.pageId(), page.assignmentId(), psychologist,
                        PageProgressed.Stage.ON_SCENE, now.plusSeconds(3))),
                CloudEventRecords.of(new PageProgressed(incident, page.pageId(), page.assignmentId(), psychologist,
                        PageProgressed.Stage.RESOLVED, now.plusSeconds(4))));

        Dispatching.awaitHandled(Kafka.sendTogether(batch).get(3));

        assertEquals(1, transactionsOf(batch));
        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED,
                EventType.ASSIGNMENT_ACKNOWLEDGED, EventType.ASSIGNMENT_PROGRESSED, EventType.ASSIGNMENT_PROGRESSED,
                EventType.INCIDENT_RESOLVED), recorded(incident));
        ops().when().get("/api/v1/incidents/" + incident)
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("assignments[0].status", equalTo("RESOLVED"))
                .body("assignments[0].pageStatus", equalTo("DELIVERED"));
    }

    private static UUID onShift(String name, District district, Instant now) {
        UUID responder = Ops.enrol(name, ResponderRole.PSYCHOLOGIST, List.of("kk"), district);
        Ops.shift(responder, now.minus(Duration.ofHours(4)), now.plus(Duration.ofHours(4)));
        return responder;
    }

    /** How many transactions took the records in: the inbox rows of one transaction share its moment. */
    private long transactionsOf(List<ProducerRecord<String, String>> records) {
        List<String> ids = records.stream().map(r -> CloudEventRecords.header(r.headers(), "ce_id")).toList();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct processed_at) from processed_event where event_id in (?1)")
                .setParameter(1, ids).getSingleResult()).longValue());
    }
}
