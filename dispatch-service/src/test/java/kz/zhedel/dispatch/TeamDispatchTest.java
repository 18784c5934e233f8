package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.onShift;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** The default team rules compose the team; responders step through their assignments. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TeamDispatchTest {

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;



    /** Reports the incident and returns the roles dispatched once all {@code expected} pages are out. */
    Map<ResponderRole, IncidentDispatched> dispatchedRoles(Instant now, Category category, Severity severity,
            int expected) {
        IncidentReported report = reported(now, category, severity, District.ALMATY, Language.KK);
        Kafka.send(report);
        dispatch.awaitEvents(report.incidentId(), PageRequested.class, expected);
        return dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, expected).stream()
                .collect(Collectors.toMap(IncidentDispatched::role, d -> d));
    }

    @Test
    void theDefaultRulesAreReadable() {
        ops().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("rules.ackDeadlineSeconds.P1", equalTo(300))
                .body("rules.rules.find { it.category == 'PHYSICAL_ABUSE' && it.severity == 'P1' }.roles.role",
                        containsInAnyOrder("PSYCHOLOGIST", "JUVENILE_INSPECTOR", "PROSECUTOR"))
                .body("rules.rules.find { it.category == null && it.severity == null }.roles.role",
                        hasItem("PSYCHOLOGIST"));
    }

    @Test
    void eachDefaultRuleCallsOutItsRoles() {
        Instant now = clock.travelTo(Instant.parse("2042-01-01T10:00:00Z"));
        onShift("team-psy", ResponderRole.PSYCHOLOGIST, now);
        onShift("team-inspector", ResponderRole.JUVENILE_INSPECTOR, now);
        onShift("team-prosecutor", ResponderRole.PROSECUTOR, now);
        onShift("team-social", ResponderRole.SOCIAL_WORKER, now);
        Set<ResponderRole> abuseTeam = Set.of(ResponderRole.PSYCHOLOGIST, ResponderRole.JUVENILE_INSPECTOR,
                ResponderRole.PROSECUTOR);

        for (Category category : List.of(Category.PHYSICAL_ABUSE, Category.SEXUAL_ABUSE,
                Category.DOMESTIC_VIOLENCE_WITNESSED)) {
            assertEquals(abuseTeam, dispatchedRoles(now, category, Severity.P1, 3).keySet(), category + " P1");
        }
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST),
                dispatchedRoles(now, Category.SELF_HARM, Severity.P1, 1).keySet());
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST),
                dispatchedRoles(now, Category.SUICIDAL_IDEATION, Severity.P1, 1).keySet());
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST),
                dispatchedRoles(now, Category.BULLYING, Severity.P3, 1).keySet());
        // abuse below P1 falls to the catch-all: the psychologist, always
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST),
                dispatchedRoles(now, Category.PHYSICAL_ABUSE, Severity.P2, 1).keySet());
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST),
                dispatchedRoles(now, Category.OTHER, Severity.P4, 1).keySet());
    }

    @Test
    void physicalAbuseAtP1PagesAPsychologistAndAJuvenileInspectorAndInformsTheProsecutor() {
        Instant now = clock.travelTo(Instant.parse("2042-01-02T10:00:00Z"));
        UUID psychologist = onShift("abuse-psy", ResponderRole.PSYCHOLOGIST, now);
        UUID inspector = onShift("abuse-inspector", ResponderRole.JUVENILE_INSPECTOR, now);
        UUID prosecutor = onShift("abuse-prosecutor", ResponderRole.PROSECUTOR, now);
        IncidentReported report = reported(now, Category.PHYSICAL_ABUSE, Severity.P1, District.ALMATY, Language.KK);
        Kafka.send(report);

        List<PageRequested> pages = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 3);
        assertEquals(Set.of(psychologist, inspector, prosecutor),
                pages.stream().map(PageRequested::responderId).collect(Collectors.toSet()));
        Instant assignedAt = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 3).get(0)
                .assignedAt();

        String inspectorPath = "assignments.find { it.role == 'JUVENILE_INSPECTOR' }";
        String prosecutorPath = "assignments.find { it.role == 'PROSECUTOR' }";
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("ruleVersion", equalTo(1))
                .body(inspectorPath + ".responderId", equalTo(inspector.toString()))
                .body(inspectorPath + ".mustAcknowledge", equalTo(true))
                .body(inspectorPath + ".ackDeadline", equalTo(assignedAt.plusSeconds(300).toString()))
                .body(prosecutorPath + ".mustAcknowledge", equalTo(false))
                .body(prosecutorPath + ".ackDeadline", nullValue());
    }

    @Test
    void aRoleWithNobodyOnCallIsUnassignedWhileTheOthersAreDispatched() {
        Instant now = clock.travelTo(Instant.parse("2042-01-03T10:00:00Z"));
        onShift("partial-psy", ResponderRole.PSYCHOLOGIST, now);
        onShift("partial-prosecutor", ResponderRole.PROSECUTOR, now);
        IncidentReported report = reported(now, Category.SEXUAL_ABUSE, Severity.P1, District.ALMATY, Language.KK);
        Kafka.send(report);

        IncidentUnassigned unassigned = dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        assertEquals(ResponderRole.JUVENILE_INSPECTOR, unassigned.role());
        assertEquals(Set.of(ResponderRole.PSYCHOLOGIST, ResponderRole.PROSECUTOR),
                dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).stream()
                        .map(IncidentDispatched::role).collect(Collectors.toSet()));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("PARTIALLY_ASSIGNED"))
                .body("assignments.role", containsInAnyOrder("PSYCHOLOGIST", "PROSECUTOR"));
    }

    @Test
    void aDeclineIsReassignedAtOnceToAnotherOfTheRoleNeverBackToADecliner() {
        Instant now = clock.travelTo(Instant.parse("2042-01-04T10:00:00Z"));
        UUID one = onShift("decline-psy-one", ResponderRole.PSYCHOLOGIST, now);
        UUID two = onShift("decline-psy-two", ResponderRole.PSYCHOLOGIST, now);
        IncidentReported report = reported(now, Category.BULLYING, Severity.P3, District.ALMATY, Language.KK);
        Kafka.send(report);
        IncidentDispatched first = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);

        ops().body(Map.of("reason", "already at another call-out"))
                .when().post("/api/v1/assignments/" + first.assignmentId() + "/decline")
                .then().statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("statusReason", equalTo("already at another call-out"));

        AssignmentProgressed declined = dispatch.awaitOnly(report.incidentId(), AssignmentProgressed.class);
        assertEquals(first.assignmentId(), declined.assignmentId());
        assertEquals(Stage.DECLINED, declined.stage());
        IncidentDispatched second = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).get(1);
        assertEquals(first.responderId().equals(one) ? two : one, second.responderId());
        assertTrue(second.reason().startsWith("reassigned: " + first.responderId() + " declined"),
                second.reason());
        PageRequested page = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(second.assignmentId(), page.assignmentId());

        // the second declines too: nobody else is on call, and the decliner is not asked again
        ops().body(Map.of("reason", "ill")).when().post("/api/v1/assignments/" + second.assignmentId() + "/decline")
                .then().statusCode(200);
        IncidentUnassigned unassigned = dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        assertEquals(ResponderRole.PSYCHOLOGIST, unassigned.role());
        assertEquals(2, dispatch.events(report.incidentId(), IncidentDispatched.class).size());
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED"))
                .body("assignments.status", containsInAnyOrder("DECLINED", "DECLINED"));
    }

    @Test
    void respondersStepThroughTheirAssignmentsUntilTheIncidentIsResolved() {
        Instant now = clock.travelTo(Instant.parse("2042-01-05T10:00:00Z"));
        onShift("steps-psy", ResponderRole.PSYCHOLOGIST, now);
        onShift("steps-inspector", ResponderRole.JUVENILE_INSPECTOR, now);
        onShift("steps-prosecutor", ResponderRole.PROSECUTOR, now);
        Map<ResponderRole, IncidentDispatched> team = dispatchedRoles(now, Category.DOMESTIC_VIOLENCE_WITNESSED,
                Severity.P1, 3);
        UUID incident = team.get(ResponderRole.PSYCHOLOGIST).incidentId();
        String psychologist = "/api/v1/assignments/" + team.get(ResponderRole.PSYCHOLOGIST).assignmentId();
        String inspector = "/api/v1/assignments/" + team.get(ResponderRole.JUVENILE_INSPECTOR).assignmentId();

        // not yet acknowledged: cannot be on scene or resolved
        ops().when().post(psychologist + "/resolve")
                .then().statusCode(409).contentType(startsWith(PROBLEM))
                .body("detail", containsString("is ASSIGNED"));
        ops().body(Map.of()).when().post(psychologist + "/on-scene").then().statusCode(409);

        ops().body(Map.of("reason", "on my way")).when().post(psychologist + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("ackDeadline", nullValue());
        assertEquals(team.get(ResponderRole.PSYCHOLOGIST).assignmentId(),
                dispatch.awaitOnly(incident, AssignmentAcknowledged.class).assignmentId());
        ops().when().post(psychologist + "/acknowledge")
                .then().statusCode(409).contentType(startsWith(PROBLEM))
                .body("detail", containsString("ACKNOWLEDGED"));
        ops().when().get("/api/v1/incidents/" + incident).then().body("status", equalTo("DISPATCHED"));

        ops().when().post(inspector + "/acknowledge").then().statusCode(200);
        ops().when().get("/api/v1/incidents/" + incident).then().body("status", equalTo("ACKNOWLEDGED"));

        for (String assignment : List.of(psychologist, inspector)) {
            ops().when().post(assignment + "/on-scene").then().statusCode(200).body("status", equalTo("ON_SCENE"));
        }
        ops().body(Map.of("reason", "child counselled")).when().post(psychologist + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        ops().when().get("/api/v1/incidents/" + incident).then().body("status", equalTo("ACKNOWLEDGED"));
        ops().when().post(inspector + "/resolve").then().statusCode(200);

        ops().when().get("/api/v1/incidents/" + incident)
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("assignments.find { it.role == 'PROSECUTOR' }.status", equalTo("CANCELLED"))
                .body("assignments.find { it.role == 'PSYCHOLOGIST' }.statusReason", equalTo("child counselled"));
        ops().when().post(psychologist + "/decline").then().statusCode(409);

        // each step is announced once; the resolution too, and the informed prosecutor's page is called off
        List<AssignmentProgressed> steps = dispatch.awaitEvents(incident, AssignmentProgressed.class, 5);
        assertEquals(Map.of(Stage.ON_SCENE, 2L, Stage.RESOLVED, 2L, Stage.CANCELLED, 1L),
                steps.stream().collect(Collectors.groupingBy(AssignmentProgressed::stage, Collectors.counting())));
        assertEquals(team.get(ResponderRole.PROSECUTOR).assignmentId(), steps.stream()
                .filter(p -> p.stage() == Stage.CANCELLED).findFirst().orElseThrow().assignmentId());
        assertEquals(incident, dispatch.awaitOnly(incident, IncidentResolved.class).incidentId());
    }

    @Test
    void stepsOnUnknownAssignmentsOrWithOverlongReasonsAreRefused() {
        ops().when().post("/api/v1/assignments/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        ops().body(Map.of("reason", "x".repeat(301)))
                .when().post("/api/v1/assignments/" + UUID.randomUUID() + "/decline")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("reason"));
        given().when().post("/api/v1/assignments/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(401);
    }
}
