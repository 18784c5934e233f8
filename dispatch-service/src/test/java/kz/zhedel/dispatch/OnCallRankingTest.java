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
 * How OnCall ranks the responders on call: severity-weighted open load, then rest since the last assignment. Each
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
                equalTo("on shift, covers ALMATY, speaks kk, 2 open, load 2, rested 2h"));
        assertEquals(onP1, choose(start.plus(Duration.ofHours(3)), Set.of(onTwoP4)).responder().id,
                "an excluded responder is never chosen");
    }

    @Test
    void amongEquallyLoadedTheOneRestedLongestIsChosen() {
        Instant start = Instant.parse("2082-06-01T08:00:00Z");
        UUID one = onShift("rest-one", start, Duration.ofHours(12));
        UUID two = onShift("rest-two", start, Duration.ofHours(12));
        UUID lowerId = one.compareTo(two) < 0 ? one : two;
        UUID higherId = lowerId.equals(one) ? two : one;
        // both acknowledged (no open load); the higher id has rested longer, so the id must not decide
        assign(higherId, Severity.P2, start, AssignmentStatus.ACKNOWLEDGED);
        assign(lowerId, Severity.P2, start.plus(Duration.ofHours(1)), AssignmentStatus.ACKNOWLEDGED);

        Candidate chosen = choose(start.plus(Duration.ofHours(2)), Set.of());
        assertEquals(higherId, chosen.responder().id);
        assertThat(chosen.reason(District.ALMATY, Language.KK),
                equalTo("on shift, covers ALMATY, speaks kk, 0 open, rested 2h"));
    }
}
