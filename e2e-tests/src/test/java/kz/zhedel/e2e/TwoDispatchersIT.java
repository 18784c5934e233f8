package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * Two dispatch instances side by side on the same database and topics, as a scaled-out deployment runs them: both
 * consume incidents and both poll the acknowledgement deadlines. Each missed deadline is still acted on once: one
 * re-page, one escalation, whatever instance claims it.
 */
class TwoDispatchersIT {

    private static final int INCIDENTS = 4;

    private static Stack stack;
    private static Api api;
    private static Stack.Instance secondDispatch;
    private static WebhookReceiver first;
    private static WebhookReceiver second;

    @BeforeAll
    static void setUp() {
        stack = Stack.get();
        api = new Api(stack);
        secondDispatch = stack.startAnother("dispatch");
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> given().get(secondDispatch.url() + "/q/health/ready")
                .statusCode() == 200);
        api.ackDeadline("P4", 6);
        first = new WebhookReceiver();
        second = new WebhookReceiver();
        api.psychologistOnShift("Psychologist A BAIKONUR", "BAIKONUR", first.url());
        api.psychologistOnShift("Psychologist B BAIKONUR", "BAIKONUR", second.url());
    }

    @AfterAll
    static void tearDown() {
        secondDispatch.close();
        first.close();
        second.close();
    }

    @Test
    void eachMissedDeadlineIsRepagedOnceAndEscalatedOnce() {
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(api.report("BULLYING", "P4", "BAIKONUR"));
        }
        for (String incident : incidents) {
            // Nobody answers the first page: re-paged, then escalated to the other psychologist, who acknowledges.
            await().atMost(Duration.ofSeconds(90)).until(() -> pages(first, incident) + pages(second, incident) == 3
                    && lastPage(incident) != null);
            api.acknowledge(lastPage(incident).get("ackUrl").asText());
        }
        for (String incident : incidents) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(
                    api.dispatchIncident(incident).getString("status")));
            JsonPath team = api.dispatchIncident(incident);
            assertEquals(List.of("ESCALATED", "ACKNOWLEDGED"), team.getList("assignments.status"), incident);
            assertEquals(2, team.getInt("assignments[0].missedDeadlines"), incident);
            assertEquals(3, pages(first, incident) + pages(second, incident), "page, re-page, escalation: " + incident);
            List<Object> steps = api.incident(incident).getList("timeline.detail");
            assertEquals(1, steps.stream().filter(s -> String.valueOf(s).startsWith("PSYCHOLOGIST re-paged")).count());
            assertEquals(1, steps.stream().filter(s -> String.valueOf(s).startsWith("PSYCHOLOGIST escalated")).count());
        }
    }

    /** The escalation's page: to whichever of the two was not paged first. */
    private static JsonNode lastPage(String incident) {
        boolean firstWasPicked = pages(first, incident) == 2;
        List<JsonNode> escalated = (firstWasPicked ? second : first).pagesFor(incident);
        return escalated.isEmpty() ? null : escalated.get(0);
    }

    /** Distinct pages: webhook delivery is at least once, a repeat carries the same pageId. */
    private static long pages(WebhookReceiver receiver, String incident) {
        return receiver.pagesFor(incident).stream().map(p -> p.get("pageId").asText()).distinct().count();
    }
}
