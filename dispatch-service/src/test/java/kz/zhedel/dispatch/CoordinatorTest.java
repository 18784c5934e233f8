package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Coordinators.coordinator;
import static kz.zhedel.dispatch.Coordinators.responder;
import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.dispatch.service.Deadlines;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** The duty coordinator acts on an incident: assigns by name, cancels, keeps notes; every step says who took it. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CoordinatorTest {

    private static final Actor COORDINATOR = new Actor(Coordinators.SUBJECT, "coordinator");
    private static final Actor OPS = new Actor("ops", "ops");

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    EntityManager db;



    /** An incident in SARYARKA paged to the psychologist on shift; answers the page. */
    PageRequested paged(Instant now, UUID psychologist) {
        Ops.shiftAround(psychologist, now);
        IncidentReported report = reported(now, District.SARYARKA, Language.KK);
        Kafka.send(report);
        return dispatch.awaitOnly(report.incidentId(), PageRequested.class);
    }

    static Map<String, Object> assignment(UUID responderId, String reason, UUID replaces) {
        Map<String, Object> body = new HashMap<>(Map.of("responderId", responderId.toString(), "reason", reason));
        if (replaces != null) {
            body.put("replaces", replaces.toString());
        }
        return body;
    }

    /** Every record dispatch published about the incident, as text: no free text may be in any. */
    static String published(UUID incidentId) {
        return String.join("\n", dispatch.records(incidentId).stream().map(r -> r.value()).toList());
    }

    @Test
    void assignsANamedResponderBesideTheTeamAndInsteadOfOne() {
        Instant now = clock.travelTo(Instant.parse("2151-02-01T03:00:00Z"));
        UUID onShift = Ops.enrol("coord-psy-on-shift", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.SARYARKA);
        UUID offDuty = Ops.enrol("coord-psy-off-duty", ResponderRole.PSYCHOLOGIST, List.of("ru"), District.NURA);
        UUID instead = Ops.enrol("coord-psy-instead", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        PageRequested first = paged(now, onShift);
        UUID incident = first.incidentId();
        String assignments = "/api/v1/incidents/" + incident + "/assignments";

        // beside the team: a psychologist who is not on call, named by the coordinator
        String beside = coordinator().body(assignment(offDuty, "knows the family from school", null))
                .when().post(assignments)
                .then().statusCode(201)
                .body("responderId", equalTo(offDuty.toString()))
                .body("role", equalTo("PSYCHOLOGIST"))
                .body("status", equalTo("ASSIGNED"))
                .body("reason", equalTo("assigned by coordinator duty-anna"))
                .body("steps[0].step", equalTo("ASSIGNED"))
                .body("steps[0].actor.subject", equalTo("duty-anna"))
                .body("steps[0].comment", equalTo("knows the family from school"))
                .extract().path("id");
        List<IncidentDispatched> dispatched = dispatch.awaitEvents(incident, IncidentDispatched.class, 2);
        assertEquals(null, dispatched.get(0).actor(), "the rules chose the first");
        assertEquals(COORDINATOR, dispatched.get(1).actor());
        assertEquals(UUID.fromString(beside), dispatched.get(1).assignmentId());
        List<PageRequested> pages = dispatch.awaitEvents(incident, PageRequested.class, 2);
        assertEquals(offDuty, pages.get(1).responderId(), "paged at once");

        // instead of the rules' choice: handed on, its page withdrawn by notification on HANDED_ON
        coordinator().body(assignment(instead, "speaks with the child in kk", first.assignmentId()))
                .when().post(assignments)
                .then().statusCode(201).body("responderId", equalTo(instead.toString()));
        AssignmentProgressed handedOn = dispatch.awaitOnly(incident, AssignmentProgressed.class);
        assertEquals(Stage.HANDED_ON, handedOn.stage());
        assertEquals(first.assignmentId(), handedOn.assignmentId());
        assertEquals(COORDINATOR, handedOn.actor());
        dispatch.awaitEvents(incident, PageRequested.class, 3);
        ops().when().get("/api/v1/incidents/" + incident)
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignments.status", contains("HANDED_ON", "ASSIGNED", "ASSIGNED"))
                .body("assignments[0].steps.step", contains("ASSIGNED", "HANDED_ON"))
                .body("assignments[0].steps[0].actor", nullValue())
                .body("assignments[0].steps[1].actor.subject", equalTo("duty-anna"))
                .body("assignments[0].steps[1].actor.role", equalTo("coordinator"));

        String published = published(incident);
        assertFalse(published.contains("knows the family"), "the coordinator's reason never enters an event");
        assertFalse(published.contains("speaks with the child"));
    }

    @Test
    void manualAssignmentsThatCannotBeAreProblems() {
        Instant now = clock.travelTo(Instant.parse("2151-02-03T03:00:00Z"));
        UUID onShift = Ops.enrol("coord-refusals-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.SARYARKA);
        UUID inactive = Ops.enrol("coord-refusals-inactive", ResponderRole.PSYCHOLOGIST, List.of("kk"),
                District.SARYARKA);
        UUID coordinatorResponder = Ops.enrol("coord-refusals-coordinator", ResponderRole.COORDINATOR, List.of("kk"),
                District.SARYARKA);
        ops().body(Map.of("reason", "on leave")).when().post("/api/v1/responders/" + inactive + "/deactivate")
                .then().statusCode(200);
        PageRequested page = paged(now, onShift);
        String assignments = "/api/v1/incidents/" + page.incidentId() + "/assignments";

        coordinator().body(assignment(onShift, "again", null)).when().post(assignments)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already on incident"));
        coordinator().body(assignment(inactive, "x", null)).when().post(assignments)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("deactivated"));
        coordinator().body(assignment(coordinatorResponder, "x", null)).when().post(assignments)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
        UUID prosecutor = Ops.enrol("coord-refusals-prosecutor", ResponderRole.PROSECUTOR, List.of("kk"),
                District.SARYARKA);
        coordinator().body(assignment(prosecutor, "instead of the psychologist", page.assignmentId()))
                .when().post(assignments)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("is a PROSECUTOR, not a PSYCHOLOGIST"));
        coordinator().body(assignment(UUID.randomUUID(), "x", null)).when().post(assignments)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("responderId"));
        coordinator().body(Map.of("responderId", coordinatorResponder.toString())).when().post(assignments)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        coordinator().body(assignment(coordinatorResponder, "x", UUID.randomUUID())).when().post(assignments)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("replaces"));
        coordinator().body(assignment(onShift, "x", null)).when()
                .post("/api/v1/incidents/" + UUID.randomUUID() + "/assignments")
                .then().statusCode(404).contentType(PROBLEM);
        // a coordinator responder may cover a team role when it is named
        Map<String, Object> covering = assignment(coordinatorResponder, "nobody else tonight", null);
        covering.put("role", "PSYCHOLOGIST");
        coordinator().body(covering).when().post(assignments).then().statusCode(201)
                .body("role", equalTo("PSYCHOLOGIST"));
    }

    @Test
    void cancellationCallsOffTheTeamAndNothingEscalatesAfterwards() {
        Instant now = clock.travelTo(Instant.parse("2151-02-05T03:00:00Z"));
        UUID psychologist = Ops.enrol("coord-cancel-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"),
                District.SARYARKA);
        PageRequested page = paged(now, psychologist);
        UUID incident = page.incidentId();

        coordinator().body(Map.of("reason", "FALSE_REPORT", "comment", "the school called: a drill, child Aigerim"))
                .when().post("/api/v1/incidents/" + incident + "/cancel")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation.reason", equalTo("FALSE_REPORT"))
                .body("cancellation.comment", equalTo("the school called: a drill, child Aigerim"))
                .body("cancellation.by", equalTo("coordinator duty-anna"))
                .body("assignments[0].status", equalTo("CANCELLED"))
                .body("assignments[0].ackDeadline", nullValue())
                .body("assignments[0].steps.step", contains("ASSIGNED", "CANCELLED"))
                .body("assignments[0].steps[1].actor.subject", equalTo("duty-anna"));
        AssignmentProgressed calledOff = dispatch.awaitOnly(incident, AssignmentProgressed.class);
        assertEquals(Stage.CANCELLED, calledOff.stage());
        assertEquals(COORDINATOR, calledOff.actor());
        IncidentCancelled cancelled = dispatch.awaitOnly(incident, IncidentCancelled.class);
        assertEquals(CancelReason.FALSE_REPORT, cancelled.reason());
        assertEquals(COORDINATOR, cancelled.actor());
        assertFalse(published(incident).contains("drill"), "the comment stays in dispatch");

        coordinator().body(Map.of("reason", "DUPLICATE")).when().post("/api/v1/incidents/" + incident + "/cancel")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("CANCELLED"));
        coordinator().body(assignment(psychologist, "x", null))
                .when().post("/api/v1/incidents/" + incident + "/assignments")
                .then().statusCode(409).contentType(PROBLEM);
        coordinator().body(Map.of("reason", "NONSENSE")).when().post("/api/v1/incidents/" + incident + "/cancel")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));

        // far past the deadline, a late acknowledgement by page and the timer change nothing
        clock.travelTo(now.plus(Duration.ofHours(2)));
        Dispatching.awaitHandled(Kafka.send(new PageAcknowledged(incident, page.pageId(), page.assignmentId(),
                psychologist, now.plus(Duration.ofHours(2)))));
        deadlines.fireDue();
        assertEquals(0, recorded(incident, EventType.ASSIGNMENT_ESCALATED));
        assertEquals(0, recorded(incident, EventType.ASSIGNMENT_ACKNOWLEDGED));
        assertEquals(1, recorded(incident, EventType.PAGE_REQUESTED));
        ops().when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("assignments[0].status", equalTo("CANCELLED"));
    }

    @Test
    void notesAreSealedShownToTheCoordinatorAndNeverPublished() {
        Instant now = clock.travelTo(Instant.parse("2151-02-07T03:00:00Z"));
        UUID psychologist = Ops.enrol("coord-notes-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.SARYARKA);
        UUID incident = paged(now, psychologist).incidentId();
        String notes = "/api/v1/incidents/" + incident + "/notes";
        String text = "Aigerim's aunt called back: the child is safe at her place tonight";

        coordinator().body(Map.of("text", text)).when().post(notes)
                .then().statusCode(201)
                .body("author.subject", equalTo("duty-anna"))
                .body("author.role", equalTo("coordinator"))
                .body("at", startsWith("2151-02-07T03:00"))
                .body("text", equalTo(text));
        ops().body(Map.of("text", "ops checked the roster")).when().post(notes).then().statusCode(201);

        coordinator().when().get(notes).then().statusCode(200)
                .body("text", contains(text, "ops checked the roster"))
                .body("author.role", contains("coordinator", "ops"));
        coordinator().when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("notes", hasSize(2)).body("notes[0].text", equalTo(text));

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) db.createNativeQuery(
                "select text from incident_note where incident_id = ?1 order by at limit 1")
                .setParameter(1, incident).getSingleResult());
        assertTrue(stored.startsWith("test-1:"), "sealed under the data key");
        assertFalse(stored.contains("Aigerim"));
        assertFalse(published(incident).contains("Aigerim"), "never in an event");

        coordinator().body(Map.of("text", "x".repeat(2001))).when().post(notes)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("text"));
        coordinator().body(Map.of("text", "  ")).when().post(notes)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("text"));
        coordinator().when().get("/api/v1/incidents/" + UUID.randomUUID() + "/notes")
                .then().statusCode(404).contentType(PROBLEM);
        responder(psychologist).body(Map.of("text", "mine")).when().post(notes).then().statusCode(403);
    }

    @Test
    void everyStepRecordsWhoTookIt() {
        Instant now = clock.travelTo(Instant.parse("2151-02-09T03:00:00Z"));
        UUID psychologist = Ops.enrol("coord-steps-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.SARYARKA);
        PageRequested page = paged(now, psychologist);
        String assignment = "/api/v1/assignments/" + page.assignmentId();
        Actor self = new Actor(psychologist.toString(), "responder");

        ops().body("{}").when().post(assignment + "/acknowledge").then().statusCode(200);
        responder(psychologist).body("{}").when().post(assignment + "/on-scene").then().statusCode(200);
        responder(psychologist).body(Map.of("reason", "talked with the child")).when().post(assignment + "/resolve")
                .then().statusCode(200)
                .body("steps.step", contains("ASSIGNED", "ACKNOWLEDGED", "ON_SCENE", "RESOLVED"))
                .body("steps[0].actor", nullValue()) // the team rules chose
                .body("steps.actor.role", contains("ops", "responder", "responder"))
                .body("steps.actor.subject", contains("ops", psychologist.toString(), psychologist.toString()));

        assertEquals(OPS, dispatch.awaitOnly(page.incidentId(), AssignmentAcknowledged.class).actor(),
                "ops acknowledged on the responder's behalf");
        List<AssignmentProgressed> steps = dispatch.awaitEvents(page.incidentId(), AssignmentProgressed.class, 2);
        assertEquals(List.of(Stage.ON_SCENE, Stage.RESOLVED), steps.stream().map(AssignmentProgressed::stage).toList());
        assertEquals(List.of(self, self), steps.stream().map(AssignmentProgressed::actor).toList());
        assertFalse(published(page.incidentId()).contains("talked with"));

        // through the page: the responder themself acknowledged
        PageRequested second = paged(now.plusSeconds(60), psychologist);
        Kafka.send(new PageAcknowledged(second.incidentId(), second.pageId(), second.assignmentId(), psychologist,
                now.plusSeconds(90)));
        assertEquals(self, dispatch.awaitOnly(second.incidentId(), AssignmentAcknowledged.class).actor());
        ops().when().get("/api/v1/incidents/" + second.incidentId()).then().statusCode(200)
                .body("assignments[0].steps.step", contains("ASSIGNED", "ACKNOWLEDGED"))
                .body("assignments[0].steps[1].actor.subject", equalTo(psychologist.toString()))
                .body("assignments[0].steps[1].actor.role", equalTo("responder"))
                .body("assignments[0].steps[1].comment", nullValue());
    }
}
