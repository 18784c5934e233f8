package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A P1 abuse case calls out a team: a psychologist and a juvenile inspector are paged (the prosecutor is informed).
 * The psychologist does not acknowledge within the deadline: re-paged once, then the case escalates to the next
 * psychologist on call.
 */
class TeamEscalationIT {

    private static Stack stack;
    private static Api api;
    private static WebhookReceiver firstPsychologist;
    private static WebhookReceiver secondPsychologist;
    private static WebhookReceiver inspector;
    private static WebhookReceiver prosecutor;

    @BeforeAll
    static void setUp() {
        stack = Stack.get();
        api = new Api(stack);
        firstPsychologist = new WebhookReceiver();
        secondPsychologist = new WebhookReceiver();
        inspector = new WebhookReceiver();
        prosecutor = new WebhookReceiver();
        api.onShift("Aruzhan Psychologist", "PSYCHOLOGIST", "SARYARKA", firstPsychologist.url());
        api.onShift("Bolat Psychologist", "PSYCHOLOGIST", "SARYARKA", secondPsychologist.url());
        api.onShift("Yerlan Inspector", "JUVENILE_INSPECTOR", "SARYARKA", inspector.url());
        api.onShift("Saule Prosecutor", "PROSECUTOR", "SARYARKA", prosecutor.url());
        api.ackDeadline("P1", 8);
    }

    @AfterAll
    static void tearDown() {
        List.of(firstPsychologist, secondPsychologist, inspector, prosecutor).forEach(WebhookReceiver::close);
    }

    @Test
    void abuseCasePagesTheTeamAndEscalatesAnUnacknowledgedPsychologist() {
        String incidentId = api.report("PHYSICAL_ABUSE", "P1", "SARYARKA");

        await().atMost(Duration.ofSeconds(30)).until(() -> !inspector.pagesFor(incidentId).isEmpty()
                && !prosecutor.pagesFor(incidentId).isEmpty()
                && firstPsychologist.pagesFor(incidentId).size() + secondPsychologist.pagesFor(incidentId).size() > 0);
        api.acknowledge(inspector.pagesFor(incidentId).get(0).get("ackUrl").asText());
        // Which of the two equally placed psychologists dispatch picks is its ranking's business, not this test's.
        boolean firstWasPicked = !firstPsychologist.pagesFor(incidentId).isEmpty();
        WebhookReceiver picked = firstWasPicked ? firstPsychologist : secondPsychologist;
        WebhookReceiver next = firstWasPicked ? secondPsychologist : firstPsychologist;

        // Nobody answers the psychologist's page: one re-page of the same assignment, then the next psychologist.
        await().atMost(Duration.ofSeconds(60)).until(() -> !next.pagesFor(incidentId).isEmpty());
        List<JsonNode> missed = picked.pagesFor(incidentId);
        assertEquals(2, missed.size(), "paged, then re-paged once before escalating");
        assertEquals(missed.get(0).get("assignmentId"), missed.get(1).get("assignmentId"));
        assertNotEquals(missed.get(0).get("pageId"), missed.get(1).get("pageId"));
        JsonNode escalated = next.pagesFor(incidentId).get(0);
        assertNotEquals(missed.get(0).get("assignmentId"), escalated.get("assignmentId"));
        assertEquals(1, inspector.pagesFor(incidentId).size(), "the acknowledged inspector is not paged again");

        api.acknowledge(escalated.get("ackUrl").asText());
        // Psychologist, inspector, prosecutor, then the escalation: every assignment shows in the timeline.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident(incidentId).getList("timeline.status")
                .stream().filter("DISPATCHED"::equals).count() == 4);
        assertEquals("ACKNOWLEDGED", api.incident(incidentId).getString("status"));
    }
}
