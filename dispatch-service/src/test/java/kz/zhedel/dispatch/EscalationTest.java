package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.AckDeadlines.DEADLINE;
import static kz.zhedel.dispatch.AckDeadlines.MINUTE;
import static kz.zhedel.dispatch.AckDeadlines.acknowledge;
import static kz.zhedel.dispatch.AckDeadlines.putWithMinuteDeadlines;
import static kz.zhedel.dispatch.AckDeadlines.repagedAfterDeadline;
import static kz.zhedel.dispatch.AckDeadlines.role;
import static kz.zhedel.dispatch.AckDeadlines.rule;
import static kz.zhedel.dispatch.AckDeadlines.rules;
import static kz.zhedel.dispatch.AckDeadlines.timerOn;
import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.service.Deadlines;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentEscalated.Step;
import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.AtOnce;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * Acknowledgement deadlines, driven by moving the clock past them while the real timer polls. A profile of its own
 * (so an application and database of its own) with the timer on; every test leaves no deadline running, so that the
 * next one's time travel fires nothing of it.
 */
@QuarkusTest
@TestProfile(EscalationTest.Escalating.class)
@WithTestResource(RealInfrastructure.class)
class EscalationTest {

    static final UUID COORDINATOR = UUID.fromString("c0000000-0000-4000-8000-000000000001");

    public static class Escalating implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return timerOn(COORDINATOR, Map.of());
        }
    }

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    Deadlines deadlines;

    int ruleVersion;



    /** Deadlines of a minute for every severity, a psychologist for everything; the coordinator enrolled. */
    @BeforeEach
    void minuteDeadlinesAndACoordinator() {
        ruleVersion = putWithMinuteDeadlines(List.of(rule(null, null, role("PSYCHOLOGIST", true))));
        Ops.enrolOnce(COORDINATOR, "duty coordinator", ResponderRole.SOCIAL_WORKER, "+7 700 000 0001");
    }

    static UUID onShift(String name, District district, Instant now) {
        return Ops.onShift(name, ResponderRole.PSYCHOLOGIST, "kk", district, now);
    }

    IncidentReported report(Instant now) {
        IncidentReported report = reported(now, Category.BULLYING, Severity.P3, District.ALMATY, Language.KK);
        Kafka.send(report);
        return report;
    }

    @Test
    void aMissedDeadlineRepagesTheSameResponderThenEscalatesToAnotherPsychologist() {
        Instant start = clock.travelTo(Instant.parse("2043-01-01T10:00:00Z"));
        UUID first = onShift("esc-psy-almaty", District.ALMATY, start);
        UUID second = onShift("esc-psy-nura", District.NURA, start);
        IncidentReported report = report(start);
        PageRequested paged = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        assertEquals(first, paged.responderId());

        PageRequested repaged = repagedAfterDeadline(clock, start, report.incidentId());
        assertEquals(paged.assignmentId(), repaged.assignmentId(), "the same assignment");
        assertEquals(first, repaged.responderId());
        assertNotEquals(paged.pageId(), repaged.pageId(), "a new page");
        AssignmentEscalated repage = dispatch.awaitOnly(report.incidentId(), AssignmentEscalated.class);
        assertEquals(List.of(paged.assignmentId(), first, 1, Step.REPAGED), List.of(repage.assignmentId(),
                repage.responderId(), repage.missedDeadlines(), repage.step()));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("assignments[0].status", equalTo("ASSIGNED"))
                .body("assignments[0].missedDeadlines", equalTo(1))
                .body("assignments[0].ackDeadline", equalTo(repaged.requestedAt().plusSeconds(DEADLINE).toString()));

        clock.travelTo(start.plusSeconds(2 * DEADLINE + 5));
        IncidentDispatched escalated = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2)
                .get(1);
        assertEquals(second, escalated.responderId());
        assertTrue(escalated.reason().startsWith("escalated: " + first + " not acknowledged after 2 page(s)"),
                escalated.reason());
        AssignmentEscalated reassigned = dispatch.awaitEvents(report.incidentId(), AssignmentEscalated.class, 2)
                .get(1);
        assertEquals(List.of(paged.assignmentId(), 2, Step.REASSIGNED), List.of(reassigned.assignmentId(),
                reassigned.missedDeadlines(), reassigned.step()));
        PageRequested toSecond = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 3).get(2);
        assertEquals(escalated.assignmentId(), toSecond.assignmentId());
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("ruleVersion", equalTo(ruleVersion))
                .body("assignments[0].status", equalTo("ESCALATED"))
                .body("assignments[0].ackDeadline", equalTo(null))
                .body("assignments[1].status", equalTo("ASSIGNED"));

        acknowledge(toSecond, start.plusSeconds(2 * DEADLINE + 10));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void anAcknowledgementBeforeTheDeadlineStopsTheTimer() {
        Instant start = clock.travelTo(Instant.parse("2043-02-01T10:00:00Z"));
        onShift("ack-psy-one", District.ALMATY, start);
        onShift("ack-psy-two", District.ALMATY, start);
        IncidentReported acknowledged = report(start);
        acknowledge(dispatch.awaitOnly(acknowledged.incidentId(), PageRequested.class), start.plusSeconds(30));
        // a second incident, due no earlier: once its deadline has fired, the first one's was looked at too
        IncidentReported sentinel = report(clock.instant());
        dispatch.awaitOnly(sentinel.incidentId(), PageRequested.class);

        clock.travelTo(start.plusSeconds(DEADLINE + 30));
        PageRequested repaged = dispatch.awaitEvents(sentinel.incidentId(), PageRequested.class, 2).get(1);

        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED,
                EventType.ASSIGNMENT_ACKNOWLEDGED), recorded(acknowledged.incidentId()));
        ops().when().get("/api/v1/incidents/" + acknowledged.incidentId())
                .then().statusCode(200)
                .body("assignments[0].missedDeadlines", equalTo(0))
                .body("assignments[0].ackDeadline", equalTo(null));
        acknowledge(repaged, clock.instant());
    }

    @Test
    void withNobodyElseOfTheRoleTheRoleWaitsAndTheDutyCoordinatorIsAlertedUntilExhausted() {
        Instant start = clock.travelTo(Instant.parse("2043-03-01T10:00:00Z"));
        onShift("lonely-psy", District.ALMATY, start);
        IncidentReported report = report(start);
        dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        repagedAfterDeadline(clock, start, report.incidentId());

        clock.travelTo(start.plusSeconds(2 * DEADLINE + 5));
        IncidentUnassigned waiting = dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        assertEquals(ResponderRole.PSYCHOLOGIST, waiting.role());
        assertTrue(waiting.reason().endsWith("no other PSYCHOLOGIST on call"), waiting.reason());
        IncidentDispatched toCoordinator = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2)
                .get(1);
        // nobody of role COORDINATOR is on call: the configured coordinator is alerted, in a role of their own
        assertEquals(List.of(COORDINATOR, ResponderRole.COORDINATOR), List.of(toCoordinator.responderId(),
                toCoordinator.role()));
        assertTrue(toCoordinator.reason().startsWith("escalated: "), toCoordinator.reason());
        assertTrue(toCoordinator.reason().contains("duty coordinator alerted (ESCALATION_EXHAUSTED for PSYCHOLOGIST)"),
                toCoordinator.reason());
        PageRequested alert = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 3).get(2);
        assertEquals(COORDINATOR, alert.responderId());
        assertEquals(new CoordinatorAlert(CoordinatorAlert.Reason.ESCALATION_EXHAUSTED, ResponderRole.PSYCHOLOGIST),
                alert.alert());

        // the coordinator is paged once more (repeats = 1), then nobody is left: the role is announced again
        clock.travelTo(start.plusSeconds(3 * DEADLINE + 10));
        dispatch.awaitEvents(report.incidentId(), PageRequested.class, 4);
        clock.travelTo(start.plusSeconds(4 * DEADLINE + 15));
        IncidentUnassigned unassigned = dispatch.awaitEvents(report.incidentId(), IncidentUnassigned.class, 2).get(1);
        assertEquals(ResponderRole.PSYCHOLOGIST, unassigned.role());
        assertTrue(unassigned.reason().contains("duty coordinator not acknowledged"), unassigned.reason());
        assertEquals(List.of(Step.REPAGED, Step.REASSIGNED, Step.REPAGED, Step.EXHAUSTED),
                dispatch.awaitEvents(report.incidentId(), AssignmentEscalated.class, 4).stream()
                        .map(AssignmentEscalated::step).toList());
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED"))
                .body("assignments[1].responderId", equalTo(COORDINATOR.toString()))
                .body("assignments[1].ackDeadline", equalTo(null));
    }

    @Test
    void aDeadlineClaimedByAnotherInstanceIsNotActedOnTwice() throws Exception {
        Instant start = clock.travelTo(Instant.parse("2043-05-01T10:00:00Z"));
        onShift("locked-psy", District.ALMATY, start);
        IncidentReported report = report(start);
        PageRequested paged = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        // another instance holds the overdue row in its claiming transaction
        try (AnotherInstance other = AnotherInstance.holding(
                () -> Assignment.findById(paged.assignmentId(), LockModeType.PESSIMISTIC_WRITE))) {
            clock.travelTo(start.plusSeconds(DEADLINE + 1));
            assertEquals(0, deadlines.fireDue(), "the held row is skipped, not waited for");
            assertEquals(1, recorded(report.incidentId(), EventType.PAGE_REQUESTED));
        }
        PageRequested repaged = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(2, recorded(report.incidentId(), EventType.PAGE_REQUESTED));
        acknowledge(repaged, clock.instant());
    }

    @Test
    void instancesRacingForTheSameOverdueDeadlinesActOnEachOnce() throws Exception {
        Instant start = clock.travelTo(Instant.parse("2043-07-01T10:00:00Z"));
        onShift("raced-psy", District.ALMATY, start);
        List<IncidentReported> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reports.add(report(start));
        }
        List<PageRequested> pages = reports.stream()
                .map(r -> dispatch.awaitOnly(r.incidentId(), PageRequested.class)).toList();

        // Three "instances" (and the real timer) poll at the same moment once every deadline is overdue.
        clock.travelTo(start.plusSeconds(DEADLINE + 1));
        AtOnce.call(3, deadlines::fireDue);

        for (PageRequested page : pages) {
            PageRequested repaged = dispatch.awaitEvents(page.incidentId(), PageRequested.class, 2).get(1);
            assertEquals(2, recorded(page.incidentId(), EventType.PAGE_REQUESTED), "re-paged exactly once");
            acknowledge(repaged, clock.instant());
        }
    }

    @Test
    void replacedRulesAreANewVersionAndIncidentsRecordTheirs() {
        int before = ruleVersion;
        int replaced = ops().body(rules(Map.of("P1", 30, "P2", 60, "P3", 120, "P4", 600), List.of(
                rule("BULLYING", "P3", role("PSYCHOLOGIST", true), role("SOCIAL_WORKER", false)),
                rule(null, null, role("PSYCHOLOGIST", true)))))
                .when().put("/api/v1/rules")
                .then().statusCode(200)
                .body("rules.ackDeadlineSeconds.P3", equalTo(120))
                .extract().path("version");
        assertEquals(before + 1, replaced);
        ops().when().get("/api/v1/rules").then().statusCode(200).body("version", equalTo(replaced))
                .body("rules.rules[0].roles.role", contains("PSYCHOLOGIST", "SOCIAL_WORKER"));
        ops().queryParam("entity", "rules").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].action", equalTo("rules.replaced"))
                .body("[0].actor", equalTo("ops"))
                .body("[0].entityId", equalTo(Integer.toString(replaced)))
                .body("[0].before.version", equalTo(before))
                .body("[0].after.rules.ackDeadlineSeconds.P3", equalTo(120));

        Instant start = clock.travelTo(Instant.parse("2043-04-01T10:00:00Z"));
        IncidentReported report = report(start); // nobody on shift: both roles wait, the coordinator is alerted
        assertEquals(2, dispatch.awaitEvents(report.incidentId(), IncidentUnassigned.class, 2).size());
        List<PageRequested> alerts = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2);
        assertEquals(java.util.Set.of(ResponderRole.PSYCHOLOGIST, ResponderRole.SOCIAL_WORKER),
                alerts.stream().map(p -> p.alert().role()).collect(java.util.stream.Collectors.toSet()));
        // the coordinator takes both alerts: no deadline is left running
        alerts.forEach(p -> Kafka.send(new PageAcknowledged(p.incidentId(), p.pageId(), p.assignmentId(),
                p.responderId(), start.plusSeconds(10))));
        dispatch.awaitEvents(report.incidentId(), AssignmentAcknowledged.class, 2);
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED"))
                .body("ruleVersion", equalTo(replaced));
    }

    @Test
    void concurrentReplacementsEachGetAVersionOfTheirOwn() throws Exception {
        Map<String, Object> table = rules(MINUTE, List.of(rule(null, null, role("PSYCHOLOGIST", true))));
        java.util.Set<Integer> versions = new java.util.TreeSet<>(AtOnce.call(4, () -> ops().body(table)
                .when().put("/api/v1/rules").then().statusCode(200).extract().<Integer>path("version")));
        assertEquals(java.util.Set.of(ruleVersion + 1, ruleVersion + 2, ruleVersion + 3, ruleVersion + 4), versions);
    }

    @Test
    void inconsistentRulesAreRefusedNamingTheFields() {
        ops().body(rules(Map.of("P1", 0, "P2", 60, "P4", 60), List.of(
                rule("BULLYING", "P3", role("JUVENILE_INSPECTOR", true), role("JUVENILE_INSPECTOR", true)),
                rule("BULLYING", "P3"))))
                .when().put("/api/v1/rules")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("ackDeadlineSeconds", "rules", "rules[0].roles", "rules[1]",
                        "rules[1].roles"))
                .body("errors.message", hasItems("missing a deadline for P3", "must include PSYCHOLOGIST",
                        "a role is listed twice"));
        ops().body(rules(MINUTE,
                List.of(rule(null, null, role("PSYCHOLOGIST", null)))))
                .when().put("/api/v1/rules")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("rules[0].roles[0].mustAcknowledge"));
        ops().body(rules(MINUTE,
                List.of(rule(null, null, role("ASTRONAUT", true)))))
                .when().put("/api/v1/rules")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("rules[0].roles[0].role"));
        ops().when().get("/api/v1/rules").then().statusCode(200).body("version", equalTo(ruleVersion));
    }
}
