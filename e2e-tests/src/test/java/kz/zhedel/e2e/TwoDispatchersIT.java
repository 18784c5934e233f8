package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
class TwoDispatchersIT extends OnTheStack {

    private static final int INCIDENTS = 4;

    private static Stack.Instance secondDispatch;
    private static WebhookReceiver first;
    private static WebhookReceiver second;

    @BeforeAll
    static void setUp() {
        secondDispatch = stack.startAnother("dispatch");
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> given().get(secondDispatch.url() + "/q/health/ready").statusCode() == 200);
        api.ackDeadline("P4", 10);
        first = receiver();
        second = receiver();
        api.psychologistOnShift("Psychologist A BAIKONUR", "BAIKONUR", first.url());
        api.psychologistOnShift("Psychologist B BAIKONUR", "BAIKONUR", second.url());
    }

    @AfterAll
    static void stopTheSecondDispatch() {
        secondDispatch.close();
    }

    @Test
    void eachMissedDeadlineIsRepagedOnceAndEscalatedOnce() {
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(api.report("BULLYING", "P4", "BAIKONUR"));
        }
        // Nobody answers the first page: re-paged, then escalated to the other psychologist, who acknowledges as soon
        // as the escalation arrives (all incidents at once, so that no deadline of the second one runs out meanwhile).
        Set<String> acknowledged = new HashSet<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            for (String incident : incidents) {
                JsonNode escalation = acknowledged.contains(incident) ? null : escalationPage(incident);
                if (escalation != null) {
                    api.acknowledge(escalation.get("ackUrl").asText());
                    acknowledged.add(incident);
                }
            }
            return acknowledged.size() == INCIDENTS;
        });
        for (String incident : incidents) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(
                    api.dispatchIncident(incident).getString("status")));
            JsonPath team = api.dispatchIncident(incident);
            assertEquals(List.of("ESCALATED", "ACKNOWLEDGED"), team.getList("assignments.status"), incident);
            assertEquals(2, team.getInt("assignments[0].missedDeadlines"), incident);
            assertEquals(3, first.distinctPagesFor(incident) + second.distinctPagesFor(incident),
                    "page, re-page, escalation: " + incident);
            List<Object> steps = api.incident(incident).getList("timeline.detail");
            assertEquals(1, steps.stream().filter(s -> String.valueOf(s).startsWith("PSYCHOLOGIST re-paged")).count());
            assertEquals(1, steps.stream().filter(s -> String.valueOf(s).startsWith("PSYCHOLOGIST escalated")).count());
        }
    }

    /** The escalation's page: once one of the two was paged twice, the other's first page. */
    private static JsonNode escalationPage(String incident) {
        WebhookReceiver other = first.distinctPagesFor(incident) >= 2 ? second
                : second.distinctPagesFor(incident) >= 2 ? first : null;
        List<JsonNode> escalated = other == null ? List.of() : other.pagesFor(incident);
        return escalated.isEmpty() ? null : escalated.get(0);
    }
}
