package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.reported;
import static kz.zhedel.reporting.Fixtures.send;
import static kz.zhedel.reporting.Fixtures.summary;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** The summary's HTTP contract: the period, bad parameters, keys, and the operational endpoints. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatsResourceTest {

    @Test
    void fromIsIncludedAndToIsExcluded() {
        send(CloudEventRecords.of(reported(UUID.randomUUID(), "2030-04-01T09:00:00Z", Category.NEGLECT, Severity.P3,
                District.NURA)),
                CloudEventRecords.of(reported(UUID.randomUUID(), "2030-04-02T09:00:00Z", Category.BULLYING,
                        Severity.P2, District.ALMATY)),
                CloudEventRecords.of(reported(UUID.randomUUID(), "2030-04-02T23:00:00Z", Category.BULLYING,
                        Severity.P4, District.ALMATY)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> summary("2030-04-01T00:00:00Z",
                "2030-04-03T00:00:00Z").body("incidents", equalTo(3)));

        summary("2030-04-01T00:00:00Z", "2030-04-02T00:00:00Z").statusCode(200)
                .body("incidents", equalTo(1))
                .body("byCategory", equalTo(Map.of("NEGLECT", 1)))
                .body("byDistrict", equalTo(Map.of("NURA", 1)));
        summary("2030-04-02T09:00:00Z", "2030-04-02T23:00:00Z").statusCode(200)
                .body("incidents", equalTo(1))
                .body("bySeverity", equalTo(Map.of("P2", 1)));
        // Only a lower bound: everything received since; Astana's offset is accepted too.
        summary("2030-04-02T14:00:00+05:00", null).statusCode(200)
                .body("incidents", equalTo(2))
                .body("byCategory", equalTo(Map.of("BULLYING", 2)))
                .body("bySeverity", equalTo(Map.of("P2", 1, "P4", 1)));
    }

    @Test
    void periodWithoutIncidentsHasZeroCountsAndNoPercentiles() {
        summary("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z").statusCode(200)
                .body("incidents", equalTo(0))
                .body("byCategory", anEmptyMap())
                .body("byDistrict", anEmptyMap())
                .body("bySeverity", anEmptyMap())
                .body("assigned", equalTo(0))
                .body("unassigned", equalTo(0))
                .body("paged", equalTo(0))
                .body("acknowledged", equalTo(0))
                .body("escalated", equalTo(0))
                .body("resolved", equalTo(0))
                .body("childrenCounselled", equalTo(0))
                .body("schools.covered", equalTo(0))
                .body("responseTimes", anEmptyMap())
                .body("sla", anEmptyMap())
                .body("pageFailuresByChannel", anEmptyMap())
                .body("generatedAt", notNullValue());
    }

    @Test
    void unreadableFromIsAProblemNamingIt() {
        summary("yesterday", "2030-01-01T00:00:00Z")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("from"))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("ISO-8601"));
    }

    @Test
    void unreadableToIsAProblemNamingIt() {
        summary(null, "2030-01-01")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void fromAfterToIsAProblem() {
        summary("2030-02-01T00:00:00Z", "2030-01-01T00:00:00Z")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("after to"));
    }

    @Test
    void withoutAKeyIs401() {
        given().when().get("/api/v1/stats/summary")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2("nope").when().get("/api/v1/stats/summary")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void partnerKeyIs403() {
        given().auth().oauth2(Fixtures.PARTNER_KEY).when().get("/api/v1/stats/summary")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.token(Roles.RESPONDER, "3f2a1c9e-8b7d-4e5f-9a0b-1c2d3e4f5a6b"))
                .when().get("/api/v1/stats/summary").then().statusCode(403);
    }

    @Test
    void theCoordinatorsTokenReadsTheStatistics() {
        given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, "duty-coordinator"))
                .when().get("/api/v1/stats/summary").then().statusCode(200);
        given().auth().oauth2(TestTokens.expired(Roles.COORDINATOR, "duty-coordinator"))
                .when().get("/api/v1/stats/summary").then().statusCode(401);
    }

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("client_id=\"kafka-consumer-events\""));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/stats/summary"));
    }
}
