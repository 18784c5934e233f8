package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The public contract end to end: report → dispatch → webhook page → acknowledgement → timeline → statistics. */
class IncidentFlowIT {

    private static final Set<String> PAGE_FIELDS = Set.of("pageId", "incidentId", "assignmentId", "category",
            "severity", "district", "ackUrl");

    private static Stack stack;
    private static Api api;
    private static WebhookReceiver pager;

    @BeforeAll
    static void startStack() {
        stack = Stack.get();
        api = new Api(stack);
        pager = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        pager.close();
    }

    @Test
    void reportedIncidentIsPagedAcknowledgedAndCounted() {
        Instant start = Instant.now().minusSeconds(1);
        api.psychologistOnShift("Dana Psychologist", "YESIL", pager.url());

        String incidentId = api.report("BULLYING", "P3", "YESIL");

        await().atMost(Duration.ofSeconds(30)).until(() -> pager.pagesFor(incidentId).size() == 1);
        JsonNode page = pager.pagesFor(incidentId).get(0);
        Set<String> fields = new java.util.HashSet<>();
        page.fieldNames().forEachRemaining(fields::add);
        assertEquals(PAGE_FIELDS, fields, "a page carries exactly the documented fields");
        assertEquals("BULLYING", page.get("category").asText());
        assertEquals("YESIL", page.get("district").asText());
        for (String body : pager.bodies()) {
            for (String secret : List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE, Api.SUMMARY)) {
                assertFalse(body.contains(secret), "a page must not carry " + secret);
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.incident(incidentId).getList("timeline.status").contains("PAGED"));
        assertEquals(List.of("RECEIVED", "DISPATCHED", "PAGED"),
                api.incident(incidentId).getList("timeline.status"));

        api.acknowledge(page.get("ackUrl").asText());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACKNOWLEDGED".equals(api.incident(incidentId).getString("status")));
        assertTrue(api.incident(incidentId).getList("timeline.status").contains("ACKNOWLEDGED"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.summarySince(start).getInt("acknowledged") == 1);
        var summary = api.summarySince(start);
        assertEquals(1, summary.getInt("incidents"));
        assertEquals(1, summary.getInt("assigned"));
        assertEquals(1, summary.getInt("byCategory.BULLYING"));
        assertEquals(1, summary.getInt("byDistrict.YESIL"));
        assertTrue(summary.getDouble("medianSecondsToAcknowledge") >= 0);

        // The link is single use: a second press changes nothing.
        given().accept("application/json").post(page.get("ackUrl").asText()).then().statusCode(409);
        assertEquals(1, pager.pagesFor(incidentId).size(), "paged exactly once");
    }

    @Test
    void servicesExposeHealthMetricsAndOpenApi() {
        for (String service : List.of(stack.intake(), stack.dispatch(), stack.notification(), stack.reporting())) {
            given().get(service + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(service + "/q/metrics").then().statusCode(200);
            given().get(service + "/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void partnerWithoutKeyGetsAProblem() {
        given().contentType("application/json").body("{}").post(stack.intake() + "/api/v1/incidents")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
