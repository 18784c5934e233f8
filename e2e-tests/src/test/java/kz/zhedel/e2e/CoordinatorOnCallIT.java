package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The safety net through the packaged services: a psychologist is needed and nobody is on call, so the duty
 * coordinator on call is paged at once, their page saying why; then a psychologist's shift is added and the waiting
 * incident is assigned and paged without any other action. Runs first ({@code @Order}): it needs a stack in which no
 * psychologist is on call yet (every IT ends its shifts when it is done, but a class that died half-way may not).
 */
@Order(1)
class CoordinatorOnCallIT extends OnTheStack {

    private static final Duration SECONDS = Duration.ofSeconds(20);

    private static WebhookReceiver coordinator;
    private static WebhookReceiver psychologist;

    @BeforeAll
    static void setUp() {
        coordinator = receiver();
        psychologist = receiver();
    }

    @Test
    void nobodyOnCallPagesTheCoordinatorAndAShiftAddedLaterIsAssignedWithoutAnyOtherAction() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String duty = api.enrol("Duty coordinator", "COORDINATOR", "YESIL", coordinator.url());
        api.shift(duty, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(3)));

        String incident = api.report("BULLYING", "P3", "YESIL");
        await().atMost(SECONDS).until(() -> !coordinator.pagesFor(incident).isEmpty());
        JsonNode alert = coordinator.pagesFor(incident).get(0);
        assertEquals("NOBODY_ON_CALL", alert.get("alert").get("reason").asText());
        assertEquals("PSYCHOLOGIST", alert.get("alert").get("role").asText());
        assertEquals("UNASSIGNED", api.dispatchIncident(incident).getString("status"));
        await().atMost(SECONDS).until(() -> api.incident(incident).getList("timeline.status")
                .containsAll(List.of("UNASSIGNED", "COORDINATOR_ALERTED")));
        assertFalse(api.incident(incident).getList("timeline.status").contains("DISPATCHED"),
                "the coordinator's alert is not the team assigned");

        String psy = api.enrol("Psychologist Yesil", "PSYCHOLOGIST", "YESIL", psychologist.url());
        api.shift(psy, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(3)));
        await().atMost(SECONDS).until(() -> !psychologist.pagesFor(incident).isEmpty());
        JsonNode page = psychologist.pagesFor(incident).get(0);
        assertNull(page.get("alert"), "a team member's page carries no alert");
        await().atMost(SECONDS).until(() -> "DISPATCHED".equals(api.dispatchIncident(incident).getString("status")));
        String reason = api.dispatchIncident(incident)
                .getString("assignments.find { it.role == 'PSYCHOLOGIST' }.reason");
        assertTrue(reason.startsWith("retried: PSYCHOLOGIST was waiting"), reason);
        assertEquals("CANCELLED", api.dispatchIncident(incident)
                .getString("assignments.find { it.role == 'COORDINATOR' }.status"), "the alert is called off");
        assertEquals(1, coordinator.distinctPagesFor(incident), "the coordinator was paged once");

        api.acknowledge(page.get("ackUrl").asText());
        await().atMost(SECONDS).until(() -> "ACKNOWLEDGED".equals(api.incident(incident).getString("status")));
    }
}
