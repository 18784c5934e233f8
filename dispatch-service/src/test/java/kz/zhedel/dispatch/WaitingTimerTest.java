package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * The waiting timer: a shift scheduled to start later puts nobody on call when it is added, so the roster change
 * cannot assign it; the timer does once the shift has started. A profile of its own with the timer polling every
 * second (and no coordinator: nobody is alerted here).
 */
@QuarkusTest
@TestProfile(WaitingTimerTest.Polling.class)
@WithTestResource(RealInfrastructure.class)
class WaitingTimerTest {

    public static class Polling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhedel.dispatch.waiting.poll-interval", "1s",
                    "zhedel.dispatch.waiting.on-roster-change", "true");
        }
    }

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;



    @Test
    void aShiftStartingLaterIsAssignedByTheTimerOnceItStarts() {
        Instant now = clock.travelTo(Instant.parse("2045-01-01T10:00:00Z"));
        IncidentReported report = reported(now, District.NURA, Language.RU);
        Kafka.send(report);
        dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);

        UUID psychologist = Ops.enrol("later-psy", ResponderRole.PSYCHOLOGIST, List.of("ru"), District.NURA);
        Instant shiftStart = now.plus(Duration.ofMinutes(10));
        Ops.shift(psychologist, shiftStart, shiftStart.plus(Duration.ofHours(8)));
        assertEquals(0, recorded(report.incidentId(), EventType.INCIDENT_DISPATCHED), "not on call yet");

        clock.travelTo(shiftStart.plusSeconds(1));
        IncidentDispatched assigned = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(psychologist, assigned.responderId());
        assertTrue(assigned.reason().startsWith("retried: PSYCHOLOGIST was waiting; now on shift, covers NURA"),
                assigned.reason());
        assertEquals(assigned.assignmentId(), dispatch.awaitOnly(report.incidentId(), PageRequested.class)
                .assignmentId());
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("status", equalTo("DISPATCHED"));
    }
}
