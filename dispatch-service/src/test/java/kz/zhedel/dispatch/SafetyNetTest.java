package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.AckDeadlines.DEADLINE;
import static kz.zhedel.dispatch.AckDeadlines.MINUTE;
import static kz.zhedel.dispatch.AckDeadlines.acknowledge;
import static kz.zhedel.dispatch.AckDeadlines.putWithMinuteDeadlines;
import static kz.zhedel.dispatch.AckDeadlines.repagedAfterDeadline;
import static kz.zhedel.dispatch.AckDeadlines.role;
import static kz.zhedel.dispatch.AckDeadlines.rule;
import static kz.zhedel.dispatch.AckDeadlines.rules;
import static kz.zhedel.dispatch.AckDeadlines.timerOn;
import static kz.zhedel.dispatch.Ops.onShift;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.service.WaitingRoles;

import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentEscalated.Cause;
import kz.zhedel.events.AssignmentEscalated.Step;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.CoordinatorAlert.Reason;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;

import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * The safety net: the duty coordinator on call is alerted when a role has nobody (at dispatch, after a failed page,
 * after an exhausted escalation), a failed page escalates at once, and a waiting role is assigned as soon as a roster
 * change puts someone on call. A profile of its own with the deadline timer and the roster-change retry on (the
 * waiting timer off, so that what a roster change does is seen right after the request); every test leaves no
 * deadline running and no incident waiting, so that the next one's time travel and roster touch nothing of it.
 */
@QuarkusTest
@TestProfile(SafetyNetTest.Net.class)
@WithTestResource(RealInfrastructure.class)
class SafetyNetTest {

    static final UUID FALLBACK = UUID.fromString("c0000000-0000-4000-8000-00000000fa11");

    public static class Net implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return timerOn(FALLBACK, Map.of("zhedel.dispatch.waiting.on-roster-change", "true"));
        }
    }

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    WaitingRoles waiting;



    /** Minute deadlines; a psychologist for everything, and a social worker too for OTHER at P4. */
    @BeforeEach
    void rulesAndAFallbackCoordinator() {
        putWithMinuteDeadlines(List.of(rule("OTHER", "P4", role("PSYCHOLOGIST", true), role("SOCIAL_WORKER", true)),
                rule(null, null, role("PSYCHOLOGIST", true))));
        Ops.enrolOnce(FALLBACK, "configured duty coordinator", ResponderRole.COORDINATOR, "+7 700 000 0099");
    }

    /** Nothing of this test may act in the next one: no deadline running, no incident waiting for a role. */
    @AfterEach
    void leaveNothingRunning() {
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment.update("ackDeadline = null where ackDeadline is not null");
            Incident.update("status = ?1 where status in ?2", IncidentStatus.RESOLVED,
                    List.of(IncidentStatus.UNASSIGNED, IncidentStatus.PARTIALLY_ASSIGNED));
        });
    }

    static IncidentReported report(Instant now, Category category, Severity severity) {
        IncidentReported report = reported(now, category, severity, District.ALMATY, Language.KK);
        Kafka.send(report);
        return report;
    }

    static void failed(PageRequested page, Instant at) {
        Dispatching.awaitHandled(Kafka.send(new PageFailed(page.incidentId(), page.pageId(), page.assignmentId(),
                "every contact failed", at)));
    }

    static void status(UUID incidentId, String status) {
        ops().when().get("/api/v1/incidents/" + incidentId).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void nobodyOnCallAtDispatchPagesTheCoordinatorOnCallWithTheAlertOnce() {
        Instant now = clock.travelTo(Instant.parse("2044-01-01T10:00:00Z"));
        UUID coordinator = onShift("net-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);

        IncidentUnassigned unassigned = dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        assertEquals(ResponderRole.PSYCHOLOGIST, unassigned.role());
        IncidentDispatched alerted = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(List.of(ResponderRole.COORDINATOR, coordinator), List.of(alerted.role(), alerted.responderId()));
        assertTrue(alerted.reason().contains("duty coordinator alerted (NOBODY_ON_CALL for PSYCHOLOGIST), on shift"),
                alerted.reason());
        PageRequested page = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        assertEquals(new CoordinatorAlert(Reason.NOBODY_ON_CALL, ResponderRole.PSYCHOLOGIST), page.alert());
        assertEquals(List.of(coordinator, alerted.assignmentId(), "https://pager.example/net-coordinator"),
                List.of(page.responderId(), page.assignmentId(), page.contacts().get(0).address()));
        assertEquals(page.requestedAt().plusSeconds(DEADLINE), page.ackDeadline(), "an alert has a deadline too");
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED")) // the alert does not cover the role
                .body("assignments[0].role", equalTo("COORDINATOR"));

        // the role is still waiting, and retried: the coordinator is not paged again for it
        assertEquals(0, waiting.retry(null));
        assertEquals(1, recorded(report.incidentId(), EventType.PAGE_REQUESTED));
    }

    @Test
    void aShiftAddedLaterIsAssignedWithoutAnyOtherActionAndTheAlertIsCalledOff() {
        Instant now = clock.travelTo(Instant.parse("2044-02-01T10:00:00Z"));
        onShift("late-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);
        PageRequested alert = dispatch.awaitOnly(report.incidentId(), PageRequested.class);

        UUID psychologist = onShift("late-psy", ResponderRole.PSYCHOLOGIST, now);
        // done once the shift's request returned: the retry runs right after the roster change commits
        assertEquals(2, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED));

        IncidentDispatched assigned = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).get(1);
        assertEquals(List.of(ResponderRole.PSYCHOLOGIST, psychologist), List.of(assigned.role(),
                assigned.responderId()));
        assertTrue(assigned.reason().startsWith("retried: PSYCHOLOGIST was waiting; now on shift, covers ALMATY"),
                assigned.reason());
        PageRequested page = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(List.of(psychologist, assigned.assignmentId()), List.of(page.responderId(),
                page.assignmentId()));
        assertNull(page.alert());
        AssignmentProgressed calledOff = dispatch.awaitOnly(report.incidentId(), AssignmentProgressed.class);
        assertEquals(List.of(alert.assignmentId(), Stage.CANCELLED), List.of(calledOff.assignmentId(),
                calledOff.stage()));
        status(report.incidentId(), "DISPATCHED");
    }

    @Test
    void aWaitingIncidentClaimedByAnotherInstanceIsSkippedNotWaitedFor() throws Exception {
        Instant now = clock.travelTo(Instant.parse("2044-03-01T10:00:00Z"));
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);
        dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class); // the fallback coordinator alerted
        // another instance holds the waiting incident in its claiming transaction
        UUID psychologist;
        try (AnotherInstance other = AnotherInstance.holding(
                () -> Incident.findById(report.incidentId(), LockModeType.PESSIMISTIC_WRITE))) {
            psychologist = Ops.enrol("skip-locked-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
            Ops.shift(psychologist, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(4)));
            assertEquals(1, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED),
                    "held: skipped, not waited for");
        }
        assertEquals(1, waiting.retry(null));
        assertEquals(0, waiting.retry(null), "assigned once: nothing waits any more");
        assertEquals(psychologist, dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).get(1)
                .responderId());
    }

    @Test
    void aFailedPageEscalatesAtOnceToTheNextOnCallThenAlertsTheCoordinator() {
        Instant now = clock.travelTo(Instant.parse("2044-04-01T10:00:00Z"));
        onShift("unreachable-one", ResponderRole.PSYCHOLOGIST, now);
        onShift("unreachable-two", ResponderRole.PSYCHOLOGIST, now);
        UUID coordinator = onShift("unreachable-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);
        PageRequested first = dispatch.awaitOnly(report.incidentId(), PageRequested.class);

        failed(first, now.plusSeconds(5));
        AssignmentEscalated escalated = dispatch.awaitOnly(report.incidentId(), AssignmentEscalated.class);
        assertEquals(List.of(first.assignmentId(), Step.REASSIGNED, Cause.PAGE_FAILED, 0), List.of(
                escalated.assignmentId(), escalated.step(), escalated.cause(), escalated.missedDeadlines()));
        assertTrue(escalated.escalatedAt().isBefore(first.ackDeadline()), "before the deadline");
        IncidentDispatched next = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).get(1);
        assertTrue(next.reason().startsWith("escalated: " + first.responderId()
                + " unreachable, every contact of the page failed; next on shift"), next.reason());
        PageRequested second = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(next.responderId(), second.responderId());

        // the first page failing again is stale: its assignment has escalated already
        failed(first, now.plusSeconds(6));
        assertEquals(1, recorded(report.incidentId(), EventType.ASSIGNMENT_ESCALATED));

        failed(second, now.plusSeconds(7));
        AssignmentEscalated again = dispatch.awaitEvents(report.incidentId(), AssignmentEscalated.class, 2).get(1);
        assertEquals(List.of(second.assignmentId(), Step.REASSIGNED, Cause.PAGE_FAILED), List.of(
                again.assignmentId(), again.step(), again.cause()));
        assertEquals(ResponderRole.PSYCHOLOGIST, dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class)
                .role());
        PageRequested alert = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 3).get(2);
        assertEquals(coordinator, alert.responderId());
        assertEquals(new CoordinatorAlert(Reason.PAGE_FAILED, ResponderRole.PSYCHOLOGIST), alert.alert());
        status(report.incidentId(), "UNASSIGNED");
    }

    @Test
    void aFailureOfAnEarlierPageOrOfAnAcknowledgedAssignmentChangesNothing() {
        Instant start = clock.travelTo(Instant.parse("2044-05-01T10:00:00Z"));
        onShift("stale-psy", ResponderRole.PSYCHOLOGIST, start);
        onShift("stale-psy-spare", ResponderRole.PSYCHOLOGIST, start);
        IncidentReported report = report(start, Category.BULLYING, Severity.P3);
        PageRequested first = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        PageRequested repaged = repagedAfterDeadline(clock, start, report.incidentId());
        assertEquals(first.assignmentId(), repaged.assignmentId());

        failed(first, clock.instant());
        assertEquals(1, recorded(report.incidentId(), EventType.ASSIGNMENT_ESCALATED), "only the re-page");
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("assignments[0].status", equalTo("ASSIGNED"));

        acknowledge(repaged, clock.instant());
        failed(repaged, clock.instant());
        assertEquals(1, recorded(report.incidentId(), EventType.ASSIGNMENT_ESCALATED));
        assertEquals(1, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED));
        status(report.incidentId(), "ACKNOWLEDGED");
    }

    @Test
    void anUnansweredAlertIsRepagedThenPassesToTheNextCoordinatorThenTheFallbackThenIsExhausted() {
        Instant start = clock.travelTo(Instant.parse("2044-06-01T10:00:00Z"));
        onShift("chain-coordinator-one", ResponderRole.COORDINATOR, start);
        onShift("chain-coordinator-two", ResponderRole.COORDINATOR, start);
        IncidentReported report = report(start, Category.BULLYING, Severity.P3);
        PageRequested first = dispatch.awaitOnly(report.incidentId(), PageRequested.class);

        PageRequested repaged = repagedAfterDeadline(clock, start, report.incidentId());
        assertEquals(List.of(first.assignmentId(), first.responderId()), List.of(repaged.assignmentId(),
                repaged.responderId()));

        clock.travelTo(start.plusSeconds(2 * DEADLINE + 5));
        IncidentDispatched other = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).get(1);
        assertEquals(ResponderRole.COORDINATOR, other.role());
        assertTrue(other.reason().startsWith("escalated: " + first.responderId() + " not acknowledged after 2 page(s)"
                + "; duty coordinator alerted (NOBODY_ON_CALL for PSYCHOLOGIST), on shift"), other.reason());
        PageRequested toOther = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 3).get(2);
        assertEquals(first.alert(), toOther.alert());

        clock.travelTo(start.plusSeconds(3 * DEADLINE + 10));
        dispatch.awaitEvents(report.incidentId(), PageRequested.class, 4);
        clock.travelTo(start.plusSeconds(4 * DEADLINE + 15));
        IncidentDispatched fallback = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 3).get(2);
        assertEquals(FALLBACK, fallback.responderId());
        assertTrue(fallback.reason().endsWith("no coordinator on call: the configured duty coordinator"),
                fallback.reason());
        assertEquals(FALLBACK, dispatch.awaitEvents(report.incidentId(), PageRequested.class, 5).get(4)
                .responderId());

        clock.travelTo(start.plusSeconds(5 * DEADLINE + 20));
        dispatch.awaitEvents(report.incidentId(), PageRequested.class, 6);
        clock.travelTo(start.plusSeconds(6 * DEADLINE + 25));
        IncidentUnassigned exhausted = dispatch.awaitEvents(report.incidentId(), IncidentUnassigned.class, 2).get(1);
        assertEquals(ResponderRole.PSYCHOLOGIST, exhausted.role());
        assertEquals("duty coordinator not acknowledged after 2 page(s)", exhausted.reason());
        assertEquals(List.of(Step.REPAGED, Step.REASSIGNED, Step.REPAGED, Step.REASSIGNED, Step.REPAGED,
                Step.EXHAUSTED), dispatch.awaitEvents(report.incidentId(), AssignmentEscalated.class, 6).stream()
                        .map(AssignmentEscalated::step).toList());
        assertEquals(6, recorded(report.incidentId(), EventType.PAGE_REQUESTED), "nobody else paged");
    }

    @Test
    void aCoordinatorsFailedPageGoesToTheFallbackAndThenTheAlertIsExhausted() {
        Instant now = clock.travelTo(Instant.parse("2044-07-01T10:00:00Z"));
        UUID coordinator = onShift("dark-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);
        PageRequested alert = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        assertEquals(coordinator, alert.responderId());

        failed(alert, now.plusSeconds(3));
        PageRequested toFallback = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(List.of(FALLBACK, alert.alert()), List.of(toFallback.responderId(), toFallback.alert()));
        failed(toFallback, now.plusSeconds(6));
        AssignmentEscalated last = dispatch.awaitEvents(report.incidentId(), AssignmentEscalated.class, 2).get(1);
        assertEquals(List.of(Step.EXHAUSTED, Cause.PAGE_FAILED), List.of(last.step(), last.cause()));
        assertEquals(2, dispatch.awaitEvents(report.incidentId(), IncidentUnassigned.class, 2).size());
    }

    @Test
    void resolvingTheIncidentCallsOffTheCoordinatorsAlert() {
        Instant now = clock.travelTo(Instant.parse("2044-08-01T10:00:00Z"));
        UUID psychologist = onShift("called-off-psy", ResponderRole.PSYCHOLOGIST, now);
        onShift("called-off-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.OTHER, Severity.P4);
        IncidentDispatched psy = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 2).stream()
                .filter(d -> d.responderId().equals(psychologist)).findFirst().orElseThrow();
        PageRequested alert = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).stream()
                .filter(p -> p.alert() != null).findFirst().orElseThrow();
        assertEquals(new CoordinatorAlert(Reason.NOBODY_ON_CALL, ResponderRole.SOCIAL_WORKER), alert.alert());
        status(report.incidentId(), "PARTIALLY_ASSIGNED");

        for (String step : List.of("acknowledge", "on-scene", "resolve")) {
            ops().body(Map.of()).when().post("/api/v1/assignments/" + psy.assignmentId() + "/" + step)
                    .then().statusCode(200);
        }
        dispatch.awaitOnly(report.incidentId(), IncidentResolved.class);
        List<AssignmentProgressed> steps = dispatch.awaitEvents(report.incidentId(), AssignmentProgressed.class, 3);
        assertEquals(List.of(alert.assignmentId(), Stage.CANCELLED), List.of(steps.get(2).assignmentId(),
                steps.get(2).stage()));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("assignments.find { it.role == 'COORDINATOR' }.status", equalTo("CANCELLED"));
    }

    @Test
    void theTeamRulesNeverRequireTheCoordinator() {
        ops().body(rules(MINUTE, List.of(
                rule(null, null, role("PSYCHOLOGIST", true), role("COORDINATOR", true)))))
                .when().put("/api/v1/rules")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("rules[0].roles"))
                .body("errors.message", hasItem(containsString("must not include COORDINATOR")));
    }

    @Test
    void aDeclinerIsNotAskedAgainAndAnOverrideOnCallInsteadIsAssignedAtOnce() {
        Instant now = clock.travelTo(Rotas.almaty("2098-01-01T10:00"));
        UUID regular = Ops.enrol("override-regular", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        UUID standIn = Ops.enrol("override-stand-in", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        UUID rotation = Rotas.create(Rotas.daily("Override psychologists", ResponderRole.PSYCHOLOGIST, "09:00",
                now.minus(Duration.ofHours(2)), List.of(District.ALMATY), regular));
        onShift("override-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.BULLYING, Severity.P3);
        IncidentDispatched first = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(regular, first.responderId());

        ops().body(Map.of("reason", "at another call-out"))
                .when().post("/api/v1/assignments/" + first.assignmentId() + "/decline").then().statusCode(200);
        dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        PageRequested alert = dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2).get(1);
        assertEquals(new CoordinatorAlert(Reason.NOBODY_ON_CALL, ResponderRole.PSYCHOLOGIST), alert.alert());
        assertEquals(0, waiting.retry(null), "the decliner is still on call, and not asked again");

        Rotas.override(rotation, Rotas.override(standIn, now.minusSeconds(60), now.plus(Duration.ofHours(4)), null));
        assertEquals(3, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED), "assigned by the override");
        IncidentDispatched covering = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 3).get(2);
        assertEquals(standIn, covering.responderId());
        assertTrue(covering.reason().startsWith("retried: PSYCHOLOGIST was waiting; now covering rotation"),
                covering.reason());
        assertEquals(alert.assignmentId(), dispatch.awaitEvents(report.incidentId(), AssignmentProgressed.class, 2)
                .get(1).assignmentId());
        status(report.incidentId(), "DISPATCHED");
    }

    @Test
    void aRotationStartedLaterIsAssignedAtOnce() {
        Instant now = clock.travelTo(Rotas.almaty("2099-01-01T10:00"));
        onShift("rotation-psy", ResponderRole.PSYCHOLOGIST, now);
        onShift("rotation-coordinator", ResponderRole.COORDINATOR, now);
        IncidentReported report = report(now, Category.OTHER, Severity.P4);
        dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        dispatch.awaitEvents(report.incidentId(), PageRequested.class, 2);

        UUID social = Ops.enrol("rotation-social", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.ALMATY);
        Rotas.create(Rotas.daily("Social workers", ResponderRole.SOCIAL_WORKER, "09:00",
                now.minus(Duration.ofHours(1)), List.of(District.ALMATY), social));
        assertEquals(3, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED), "assigned by the rotation");
        IncidentDispatched assigned = dispatch.awaitEvents(report.incidentId(), IncidentDispatched.class, 3).get(2);
        assertEquals(List.of(ResponderRole.SOCIAL_WORKER, social), List.of(assigned.role(), assigned.responderId()));
        dispatch.awaitOnly(report.incidentId(), AssignmentProgressed.class);
        status(report.incidentId(), "DISPATCHED");
    }
}
