package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A P1 abuse case calls out a team: a psychologist and a juvenile inspector are paged (the prosecutor is informed).
 * The psychologist does not acknowledge within the deadline: re-paged once, then the case escalates to the next
 * psychologist on call. The deadline lives in dispatch's database, so a dispatch killed while it is pending still
 * escalates after its restart, once.
 */
class TeamEscalationIT extends OnTheStack {

    /** One district's on-call team, each member with a pager of its own. */
    private record Team(WebhookReceiver firstPsychologist, WebhookReceiver secondPsychologist,
            WebhookReceiver inspector, WebhookReceiver prosecutor) {
    }

    @BeforeAll
    static void setUp() {
        api.ackDeadline("P1", 8);
    }

    @Test
    void abuseCasePagesTheTeamAndEscalatesAnUnacknowledgedPsychologist() {
        Team team = onCall("SARYARKA");
        callOutAndEscalate(team, api.report("PHYSICAL_ABUSE", "P1", "SARYARKA"), () -> {
        });
    }

    @Test
    void dispatchKilledWithADeadlinePendingStillEscalatesOnce() {
        Team team = onCall("ALMATY");
        callOutAndEscalate(team, api.report("SEXUAL_ABUSE", "P1", "ALMATY"), () -> {
            stack.kill("dispatch");
            stack.up();
        });
    }

    private static Team onCall(String district) {
        Team team = new Team(receiver(), receiver(), receiver(), receiver());
        api.onShift("Psychologist A " + district, "PSYCHOLOGIST", district, team.firstPsychologist().url());
        api.onShift("Psychologist B " + district, "PSYCHOLOGIST", district, team.secondPsychologist().url());
        api.onShift("Inspector " + district, "JUVENILE_INSPECTOR", district, team.inspector().url());
        api.onShift("Prosecutor " + district, "PROSECUTOR", district, team.prosecutor().url());
        return team;
    }

    private static void callOutAndEscalate(Team team, String incidentId, Runnable whileDeadlinePending) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !team.inspector().pagesFor(incidentId).isEmpty()
                && !team.prosecutor().pagesFor(incidentId).isEmpty()
                && team.firstPsychologist().pagesFor(incidentId).size()
                        + team.secondPsychologist().pagesFor(incidentId).size() > 0);
        api.acknowledge(team.inspector().pagesFor(incidentId).get(0).get("ackUrl").asText());
        // The acknowledgement travels to dispatch over Kafka; before it lands there the inspector's deadline runs.
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(api.dispatchIncident(incidentId)
                .getString("assignments.find { it.role == 'JUVENILE_INSPECTOR' }.status")));
        // Which of the two equally placed psychologists dispatch picks is its ranking's business, not this test's.
        boolean firstWasPicked = !team.firstPsychologist().pagesFor(incidentId).isEmpty();
        WebhookReceiver picked = firstWasPicked ? team.firstPsychologist() : team.secondPsychologist();
        WebhookReceiver next = firstWasPicked ? team.secondPsychologist() : team.firstPsychologist();

        whileDeadlinePending.run();

        // Nobody answers the psychologist's page: one re-page of the same assignment, then the next psychologist.
        await().atMost(Duration.ofSeconds(90)).until(() -> !next.pagesFor(incidentId).isEmpty());
        List<JsonNode> missed = picked.pagesFor(incidentId);
        assertEquals(2, picked.distinctPagesFor(incidentId), "paged, then re-paged once before escalating");
        assertEquals(missed.get(0).get("assignmentId"), missed.get(missed.size() - 1).get("assignmentId"));
        JsonNode escalated = next.pagesFor(incidentId).get(0);
        assertNotEquals(missed.get(0).get("assignmentId"), escalated.get("assignmentId"));
        assertEquals(1, team.inspector().distinctPagesFor(incidentId),
                "the acknowledged inspector is not paged again");

        api.acknowledge(escalated.get("ackUrl").asText());
        // Psychologist, inspector, prosecutor, then the one escalation: every assignment shows in the timeline.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident(incidentId).getList("timeline.status")
                .stream().filter("DISPATCHED"::equals).count() == 4);
        assertEquals("ACKNOWLEDGED", api.incident(incidentId).getString("status"));
        assertEquals(1, api.incident(incidentId).getList("timeline.detail").stream()
                .filter(detail -> String.valueOf(detail).startsWith("PSYCHOLOGIST escalated")).count());
        assertEquals(1, next.distinctPagesFor(incidentId), "escalated once");
    }
}
