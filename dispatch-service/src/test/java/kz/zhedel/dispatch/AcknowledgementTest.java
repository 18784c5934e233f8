package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;
import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.ops;
import static kz.zhedel.testing.Kafka.eventually;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;
import kz.zhedel.testing.TopicLog;

/** What notification-service reports about a page moves the assignment on, once. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AcknowledgementTest {

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);
    static final TopicLog deadLetters = Kafka.topic("zhedel.dispatch.dlq");

    @Inject
    MovableClock clock;



    /** A psychologist on shift around {@code now} and an incident paged to them. */
    PageRequested pagedIncident(Instant now, String name) {
        Ops.onShift(name, ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        return page(now);
    }

    PageRequested page(Instant now) {
        IncidentReported report = reported(now, District.YESIL, Language.RU);
        Kafka.send(report);
        return dispatch.awaitOnly(report.incidentId(), PageRequested.class);
    }

    static PageAcknowledged ack(PageRequested page, Instant at) {
        return new PageAcknowledged(page.incidentId(), page.pageId(), page.assignmentId(), page.responderId(), at);
    }

    @Test
    void theFirstAcknowledgementCountsAndRepeatsChangeNothing() {
        Instant now = clock.travelTo(Instant.parse("2041-05-01T22:00:00Z"));
        PageRequested page = pagedIncident(now, "psy-acks");
        Instant pressed = now.plusSeconds(90).plusNanos(123_456_789);
        Instant tookIt = pressed.truncatedTo(ChronoUnit.MICROS); // as stored, and as announced

        Kafka.send(ack(page, pressed));

        AssignmentAcknowledged acknowledged = dispatch.awaitOnly(page.incidentId(), AssignmentAcknowledged.class);
        // the responder acknowledged through their page: they are the actor
        assertEquals(new AssignmentAcknowledged(page.incidentId(), page.assignmentId(), page.responderId(), tookIt,
                new Actor(page.responderId().toString(), Roles.RESPONDER)), acknowledged);
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("assignments[0].status", equalTo("ACKNOWLEDGED"))
                .body("assignments[0].acknowledgedAt", equalTo(tookIt.toString()));

        // the responder pressed the link again, and the same event was delivered twice
        PageAcknowledged again = ack(page, tookIt.plusSeconds(30));
        String ceId = UUID.randomUUID().toString();
        Kafka.send(CloudEventRecords.of(again, ceId));
        Dispatching.awaitHandled(Kafka.send(CloudEventRecords.of(again, ceId)));

        assertEquals(1, recorded(page.incidentId(), EventType.ASSIGNMENT_ACKNOWLEDGED));
        assertThat(dispatch.events(page.incidentId(), AssignmentAcknowledged.class), hasSize(1));
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200).body("assignments[0].acknowledgedAt", equalTo(tookIt.toString()));
    }

    @Test
    void aResponderActsOnTheirOwnAssignmentOnly() {
        Instant now = clock.travelTo(Instant.parse("2041-05-03T22:00:00Z"));
        PageRequested page = pagedIncident(now, "psy-own-token");
        String acknowledge = "/api/v1/assignments/" + page.assignmentId() + "/acknowledge";

        // another responder's token: answered like an assignment that does not exist
        given().auth()
                .oauth2(TestTokens.token(Roles.RESPONDER, UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).body("{}")
                .when().post(acknowledge).then().statusCode(404);
        // a partner may not act on assignments at all
        given().auth().oauth2(TestTokens.token(Roles.PARTNER, "school-a"))
                .contentType(ContentType.JSON).body("{}")
                .when().post(acknowledge).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.token(Roles.RESPONDER, page.responderId().toString()))
                .contentType(ContentType.JSON).body("{}")
                .when().post(acknowledge).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void anAcknowledgedAssignmentStillCountsAsLoadUntilItIsResolved() {
        Instant now = clock.travelTo(Instant.parse("2041-05-02T22:00:00Z"));
        UUID one = Ops.onShift("psy-load-one", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        UUID two = Ops.onShift("psy-load-two", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        UUID first = one.compareTo(two) < 0 ? one : two;
        UUID second = first.equals(one) ? two : one;

        PageRequested earlier = page(now);
        assertEquals(first, earlier.responderId());
        Kafka.send(ack(earlier, now.plusSeconds(60)));
        dispatch.awaitOnly(earlier.incidentId(), AssignmentAcknowledged.class);
        assertEquals(second, page(now).responderId(), "the first one is on the way to the acknowledged incident");

        for (String step : List.of("on-scene", "resolve")) {
            ops().body(Map.of()).when().post("/api/v1/assignments/" + earlier.assignmentId() + "/" + step)
                    .then().statusCode(200);
        }
        assertEquals(first, page(now).responderId(), "resolved, the first one is free again; the second is not");
    }

    @Test
    void deliveryIsKeptAndAFailureOfTheCurrentPageEscalatesAtOnce() {
        Instant now = clock.travelTo(Instant.parse("2041-05-07T22:00:00Z"));
        PageRequested page = pagedIncident(now, "psy-pages");

        Dispatching.awaitHandled(Kafka.send(new PageDelivered(page.incidentId(), page.pageId(), page.assignmentId(),
                Channel.WEBHOOK, now.plusSeconds(2))));
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200).body("assignments[0].pageStatus", equalTo("DELIVERED"));

        // a report about some other page of this assignment is stale
        Dispatching.awaitHandled(Kafka.send(new PageFailed(page.incidentId(), UUID.randomUUID(), page.assignmentId(),
                "all channels failed", now.plusSeconds(3))));
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200).body("assignments[0].pageStatus", equalTo("DELIVERED"));
        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED), recorded(page.incidentId()));

        // the current page failed on every contact: no other psychologist and no coordinator here, so it waits
        Dispatching.awaitHandled(Kafka.send(new PageFailed(page.incidentId(), page.pageId(), page.assignmentId(),
                "all channels failed", now.plusSeconds(4))));
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED"))
                .body("assignments[0].status", equalTo("ESCALATED"))
                .body("assignments[0].pageStatus", equalTo("FAILED"));
        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED,
                EventType.ASSIGNMENT_ESCALATED, EventType.INCIDENT_UNASSIGNED), recorded(page.incidentId()));
    }

    @Test
    void aDeclineThroughThePageReassignsOnceToTheNextOnCallResponder() {
        Instant now = clock.travelTo(Instant.parse("2041-05-06T22:00:00Z"));
        UUID one = Ops.onShift("psy-decline-one", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        UUID two = Ops.onShift("psy-decline-two", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        PageRequested page = page(now);
        UUID other = page.responderId().equals(one) ? two : one;

        PageDeclined declined = new PageDeclined(page.incidentId(), page.pageId(), page.assignmentId(),
                page.responderId(), "DECLINED_BY_SMS", now.plusSeconds(30));
        String ceId = UUID.randomUUID().toString();
        Kafka.send(CloudEventRecords.of(declined, ceId));
        Dispatching.awaitHandled(Kafka.send(CloudEventRecords.of(declined, ceId)));

        List<PageRequested> pages = dispatch.awaitEvents(page.incidentId(), PageRequested.class, 2);
        assertEquals(other, pages.get(1).responderId());
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200)
                .body("assignments[0].status", equalTo("DECLINED"))
                .body("assignments[1].status", equalTo("ASSIGNED"));

        // a second decline of the same page (another event id) finds the assignment declined: nothing changes
        Dispatching.awaitHandled(Kafka.send(declined));
        assertThat(dispatch.events(page.incidentId(), PageRequested.class), hasSize(2));
        assertThat(deadLetters.records(page.incidentId()), hasSize(0));
    }

    @Test
    void onSceneAndResolvedThroughThePageAreTheRespondersStepsOnceAndInOrder() {
        Instant now = clock.travelTo(Instant.parse("2041-05-08T22:00:00Z"));
        PageRequested page = pagedIncident(now, "psy-progress");
        assertEquals(ResponderRole.PSYCHOLOGIST, page.role(), "the page names the role asked");
        assertEquals(0, page.linkedIncidents());
        Actor responder = new Actor(page.responderId().toString(), Roles.RESPONDER);

        // resolved before on scene is out of order: nothing changes
        Dispatching.awaitHandled(Kafka.send(progressed(page, PageProgressed.Stage.RESOLVED)));
        Kafka.send(ack(page, now.plusSeconds(30)));
        dispatch.awaitOnly(page.incidentId(), AssignmentAcknowledged.class);
        PageProgressed onScene = progressed(page, PageProgressed.Stage.ON_SCENE);
        String ceId = UUID.randomUUID().toString();
        Kafka.send(CloudEventRecords.of(onScene, ceId));
        Dispatching.awaitHandled(Kafka.send(CloudEventRecords.of(onScene, ceId)));
        AssignmentProgressed arrived = dispatch.awaitOnly(page.incidentId(), AssignmentProgressed.class);
        assertEquals(Stage.ON_SCENE, arrived.stage());
        assertEquals(responder, arrived.actor());
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200).body("assignments[0].status", equalTo("ON_SCENE"));

        Dispatching.awaitHandled(Kafka.send(progressed(page, PageProgressed.Stage.RESOLVED)));
        Dispatching.awaitHandled(Kafka.send(progressed(page, PageProgressed.Stage.RESOLVED))); // another event id
        List<AssignmentProgressed> steps = dispatch.awaitEvents(page.incidentId(),
                AssignmentProgressed.class, 2);
        assertEquals(List.of(Stage.ON_SCENE, Stage.RESOLVED), steps.stream().map(AssignmentProgressed::stage).toList());
        assertEquals(responder, steps.get(1).actor());
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200).body("assignments[0].status", equalTo("RESOLVED"));
        assertThat(dispatch.events(page.incidentId(), AssignmentProgressed.class), hasSize(2));
        assertThat(deadLetters.records(page.incidentId()), hasSize(0));
    }

    private static PageProgressed progressed(PageRequested page, PageProgressed.Stage stage) {
        return new PageProgressed(page.incidentId(), page.pageId(), page.assignmentId(), page.responderId(), stage,
                Instant.now());
    }

    @Test
    void anAcknowledgementOfAnUnknownAssignmentIsDeadLettered() {
        UUID incident = UUID.randomUUID();
        Kafka.send(new PageAcknowledged(incident, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2041-05-04T22:00:00Z")));

        eventually().untilAsserted(() -> assertThat(deadLetters.records(incident), hasSize(1)));
        assertThat(CloudEventRecords.header(deadLetters.records(incident).get(0), "dead-letter-reason"),
                containsString("no assignment"));
        assertEquals(List.of(), recorded(incident));
    }

    @Test
    void dispatchedEventsAndTheAssignmentAgree() {
        Instant now = clock.travelTo(Instant.parse("2041-05-05T22:00:00Z"));
        PageRequested page = pagedIncident(now, "psy-agree");
        IncidentDispatched dispatched = dispatch.awaitOnly(page.incidentId(), IncidentDispatched.class);
        ops().when().get("/api/v1/incidents/" + page.incidentId())
                .then().statusCode(200)
                .body("assignments[0].id", equalTo(page.assignmentId().toString()))
                .body("assignments[0].assignedAt", equalTo(dispatched.assignedAt().toString()))
                .body("assignments[0].acknowledgedAt", equalTo(null));
    }
}
