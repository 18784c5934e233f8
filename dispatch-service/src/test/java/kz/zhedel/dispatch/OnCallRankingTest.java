package kz.zhedel.dispatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.service.Candidate;
import kz.zhedel.dispatch.service.OnCall;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.RealInfrastructure;

/**
 * How OnCall ranks the responders on call: severity-weighted work in hand, then rest since the last work ended. Each
 * test works in a year of its own (2080s), before any test rotation of the role starts.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OnCallRankingTest {

    @Inject
    OnCall onCall;

    static UUID onShift(String name, Instant from, Duration length) {
        UUID id = Ops.enrol(name, ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        Ops.shift(id, from, from.plus(length));
        return id;
    }

    Candidate choose(Instant at, Set<UUID> excluded) {
        return QuarkusTransaction.requiringNew().call(() -> onCall.choose(ResponderRole.PSYCHOLOGIST,
                District.ALMATY, Language.KK, at, excluded)).orElseThrow();
    }

    /** What dispatch stores when it assigns an incident of this severity: the load OnCall weighs. */
    static void assign(UUID responderId, Severity severity, Instant at, AssignmentStatus status) {
        assign(responderId, severity, at, status, null);
    }

    /** As above, acknowledged at once and ended at {@code endedAt} (when given). */
    static void assign(UUID responderId, Severity severity, Instant at, AssignmentStatus status, Instant endedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Incident incident = Incident.of(new IncidentReported(UUID.randomUUID(), "school-a", Category.BULLYING,
                    severity, District.ALMATY, "school-1", Language.KK, at, at), IncidentStatus.DISPATCHED, 1);
            incident.persist();
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.incidentId = incident.id;
            assignment.responderId = responderId;
            assignment.role = ResponderRole.PSYCHOLOGIST;
            assignment.status = status;
            assignment.reason = "test";
            assignment.assignedAt = at;
            if (status != AssignmentStatus.ASSIGNED) {
                assignment.acknowledgedAt = at;
            }
            assignment.endedAt = endedAt;
            assignment.persist();
        });
    }

    @Test
    void aHundredCallsAreSpreadEvenlyOverThreePsychologists() {
        Instant start = Instant.parse("2080-06-01T00:00:00Z");
        List<UUID> team = List.of(onShift("fair-1", start, Duration.ofDays(1)),
                onShift("fair-2", start, Duration.ofDays(1)), onShift("fair-3", start, Duration.ofDays(1)));
        Map<UUID, Integer> calls = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Instant at = start.plus(Duration.ofMinutes(5L * i + 1));
            UUID chosen = choose(at, Set.of()).responder().id;
            assign(chosen, Severity.P2, at, AssignmentStatus.ASSIGNED);
            calls.merge(chosen, 1, Integer::sum);
        }
        assertEquals(Set.copyOf(team), calls.keySet());
        calls.values().forEach(n -> assertTrue(Math.abs(n - 33) <= 1, "33±1 calls each: " + calls));
    }

    @Test
    void openLoadIsWeighedBySeverityAndTheReasonSaysSo() {
        Instant start = Instant.parse("2081-06-01T08:00:00Z");
        UUID onP1 = onShift("load-p1", start, Duration.ofHours(12));
        UUID onTwoP4 = onShift("load-two-p4", start, Duration.ofHours(12));
        assign(onP1, Severity.P1, start, AssignmentStatus.ASSIGNED);
        assign(onTwoP4, Severity.P4, start, AssignmentStatus.ASSIGNED);
        assign(onTwoP4, Severity.P4, start.plusSeconds(60), AssignmentStatus.ASSIGNED);

        Candidate chosen = choose(start.plus(Duration.ofHours(3)), Set.of());
        assertEquals(onTwoP4, chosen.responder().id, "two P4s (load 2) weigh less than one P1 (load 4)");
        assertThat(chosen.reason(District.ALMATY, Language.KK),
                equalTo("on shift, covers ALMATY, speaks kk, 2 open, load 2")); // busy: no rest to speak of
        assertEquals(onP1, choose(start.plus(Duration.ofHours(3)), Set.of(onTwoP4)).responder().id,
                "an excluded responder is never chosen");
    }

    @Test
    void acknowledgedAndOnSceneWorkCountsAsLoad() {
        Instant start = Instant.parse("2082-06-01T08:00:00Z");
        UUID onScene = onShift("busy-on-scene", start, Duration.ofHours(12));
        UUID onTheWay = onShift("busy-acknowledged", start, Duration.ofHours(12));
        UUID paged = onShift("busy-paged", start, Duration.ofHours(12));
        assign(onScene, Severity.P1, start, AssignmentStatus.ON_SCENE);
        assign(onTheWay, Severity.P2, start, AssignmentStatus.ACKNOWLEDGED);
        assign(paged, Severity.P4, start, AssignmentStatus.ASSIGNED);
        assign(paged, Severity.P4, start, AssignmentStatus.ASSIGNED);
        Instant at = start.plus(Duration.ofHours(1));

        assertEquals(paged, choose(at, Set.of()).responder().id, "two P4s paged (load 2) are the lightest");
        assertEquals(onTheWay, choose(at, Set.of(paged)).responder().id, "an acknowledged P2 weighs 3");
        Candidate last = choose(at, Set.of(paged, onTheWay));
        assertEquals(onScene, last.responder().id);
        assertThat(last.reason(District.ALMATY, Language.KK),
                equalTo("on shift, covers ALMATY, speaks kk, 1 open, load 4"));
    }

    @Test
    void amongEquallyLoadedTheOneRestedLongestSinceTheirLastResolutionIsChosen() {
        Instant start = Instant.parse("2083-06-01T08:00:00Z");
        UUID one = onShift("rest-one", start, Duration.ofHours(12));
        UUID two = onShift("rest-two", start, Duration.ofHours(12));
        UUID lowerId = one.compareTo(two) < 0 ? one : two;
        UUID higherId = lowerId.equals(one) ? two : one;
        // the lower id was called first but worked until later; the higher id was called later and finished
        // earlier: rest from the last assignment or the id would pick the lower id
        assign(lowerId, Severity.P2, start, AssignmentStatus.RESOLVED, start.plus(Duration.ofMinutes(90)));
        assign(higherId, Severity.P2, start.plus(Duration.ofMinutes(60)), AssignmentStatus.RESOLVED,
                start.plus(Duration.ofMinutes(70)));

        Candidate chosen = choose(start.plus(Duration.ofHours(2)), Set.of());
        assertEquals(higherId, chosen.responder().id);
        assertThat(chosen.reason(District.ALMATY, Language.KK),
                equalTo("on shift, covers ALMATY, speaks kk, 0 open, rested 50m"));
    }

    @Test
    void neverHavingWorkedIsRestedLongestAndAPageNeverTakenIsNoWork() {
        Instant start = Instant.parse("2084-06-01T08:00:00Z");
        UUID worked = onShift("rest-worked", start, Duration.ofHours(12));
        UUID declined = onShift("rest-declined", start, Duration.ofHours(12));
        assign(worked, Severity.P4, start, AssignmentStatus.RESOLVED, start.plus(Duration.ofMinutes(10)));
        // declined at once, never acknowledged: no work, so no rest to count from
        assign(declined, Severity.P4, start, AssignmentStatus.ASSIGNED);
        QuarkusTransaction.requiringNew().run(() -> Assignment.update(
                "status = ?1, endedAt = ?2 where responderId = ?3", AssignmentStatus.DECLINED,
                start.plus(Duration.ofMinutes(20)), declined));

        Candidate chosen = choose(start.plus(Duration.ofHours(3)), Set.of());
        assertEquals(declined, chosen.responder().id);
        assertThat(chosen.reason(District.ALMATY, Language.KK),
                equalTo("on shift, covers ALMATY, speaks kk, 0 open"));
    }
}
