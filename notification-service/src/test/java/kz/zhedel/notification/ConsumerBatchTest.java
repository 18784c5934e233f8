package kz.zhedel.notification;

import static kz.zhedel.testing.Kafka.eventually;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * The dispatch channel consumes polled batches, each in one transaction with its inbox rows, event by event
 * ({@code EventInbox.handleEach}). Records sent together ({@link Kafka#sendTogether}: one key, one produce request)
 * arrive as one batch.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumerBatchTest {

    private static final TopicLog deadLetters = Kafka.topic("zhedel.notification.dlq");
    private static PagerReceiver pager;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startPager() {
        pager = new PagerReceiver();
    }

    @AfterAll
    static void stopPager() {
        pager.close();
    }

    /**
     * Requested, acknowledged another way, on scene, in one batch: the acknowledgement finds the page the request
     * wrote, and the step finds it acknowledged; out of order the page would go out and stay open.
     */
    @Test
    void anAssignmentsEventsInOneBatchApplyInOrderInOneTransaction() {
        PageRequested request = Dispatch.pageRequest(new Contact(Channel.WEBHOOK, pager.url("/batch/order")));
        Instant at = Instant.parse("2041-03-01T10:01:00Z");
        List<ProducerRecord<String, String>> batch = List.of(CloudEventRecords.of(request),
                CloudEventRecords.of(new AssignmentAcknowledged(request.incidentId(), request.assignmentId(),
                        request.responderId(), at, null)),
                CloudEventRecords.of(new AssignmentProgressed(request.incidentId(), request.assignmentId(),
                        request.responderId(), ResponderRole.PSYCHOLOGIST, AssignmentProgressed.Stage.ON_SCENE,
                        at.plusSeconds(60), null)));

        Kafka.awaitHandled("notification-service", Kafka.sendTogether(batch).get(2));

        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("ACKNOWLEDGED", pages.getString("[0].status"));
        assertEquals("CANCELLED", pages.getString("[0].deliveries[0].status"), "acknowledged before it went out");
        assertEquals(at.plusSeconds(60), QuarkusTransaction.requiringNew().call(
                () -> Page.<Page>findById(request.pageId()).onSceneAt));
        assertEquals(1, transactionsOf(batch), "the three events were taken in in one transaction");
        assertThat(pager.at("/batch/order"), hasSize(0));
    }

    @Test
    void aDuplicateInTheBatchOrFromAnEarlierOneIsAppliedOnce() {
        PageRequested request = Dispatch.pageRequest(new Contact(Channel.WEBHOOK, pager.url("/batch/duplicate")));
        ProducerRecord<String, String> record = CloudEventRecords.of(request);
        Kafka.sendTogether(List.of(record, record));
        eventually().until(() -> pager.at("/batch/duplicate").size() == 1);

        // redelivered in a later batch beside a new page of the same incident
        PageRequested next = new PageRequested(request.incidentId(), UUID.randomUUID(), request.assignmentId(),
                request.responderId(), request.category(), request.severity(), request.district(), request.language(),
                request.responderLanguage(), request.contacts(), request.requestedAt(), request.ackDeadline(), null);
        Kafka.awaitHandled("notification-service",
                Kafka.sendTogether(List.of(record, CloudEventRecords.of(next))).get(1));

        eventually().until(() -> pager.at("/batch/duplicate").size() == 2);
        assertThat(OpsApi.pages(request.incidentId()).getList("pageId"), hasSize(2));
        assertEquals(2, pager.at("/batch/duplicate").stream().map(p -> p.json().get("pageId").asText()).distinct()
                .count(), "each page once");
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAloneAndTheRestOfItsBatchApplies() {
        PageRequested first = Dispatch.pageRequest(new Contact(Channel.WEBHOOK, pager.url("/batch/poison")));
        PageRequested second = new PageRequested(first.incidentId(), UUID.randomUUID(), UUID.randomUUID(),
                first.responderId(), first.category(), first.severity(), first.district(), first.language(),
                first.responderLanguage(), first.contacts(), first.requestedAt(), first.ackDeadline(), null);
        // a page request without its page id is against the contract: never applicable
        ProducerRecord<String, String> poison = CloudEventRecords.of(new PageRequested(first.incidentId(), null,
                UUID.randomUUID(), first.responderId(), first.category(), first.severity(), first.district(),
                first.language(), first.responderLanguage(), first.contacts(), first.requestedAt(),
                first.ackDeadline(), null));

        Kafka.awaitHandled("notification-service", Kafka.sendTogether(List.of(CloudEventRecords.of(first), poison,
                CloudEventRecords.of(second))).get(2));

        eventually().untilAsserted(() -> assertThat(deadLetters.records(first.incidentId()), hasSize(1)));
        ConsumerRecord<String, String> dead = deadLetters.records(first.incidentId()).get(0);
        assertEquals(CloudEventRecords.header(poison.headers(), "ce_id"), CloudEventRecords.header(dead, "ce_id"));
        eventually().until(() -> pager.at("/batch/poison").size() == 2);
        assertThat(OpsApi.pages(first.incidentId()).getList("pageId"), hasSize(2));
    }

    /** How many transactions took the records in: the inbox rows of one transaction share its moment. */
    private long transactionsOf(List<ProducerRecord<String, String>> records) {
        List<String> ids = records.stream().map(r -> CloudEventRecords.header(r.headers(), "ce_id")).toList();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(distinct processed_at) from processed_event where event_id in (?1)")
                .setParameter(1, ids).getSingleResult()).longValue());
    }
}
