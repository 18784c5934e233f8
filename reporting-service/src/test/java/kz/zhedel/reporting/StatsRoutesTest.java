package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.reported;
import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/**
 * The public figures over HTTP, the series on the Asia/Almaty calendar, CSV, and their bad parameters. Each test has
 * days of its own in 2025 (the public figures are of ended days only).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatsRoutesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ProducerRecord<String, String> report(String at, Category category) {
        return report(UUID.randomUUID(), at, category);
    }

    private static ProducerRecord<String, String> report(UUID id, String at, Category category) {
        return CloudEventRecords.of(reported(id, at, category, Severity.P3, District.NURA));
    }

    private static ValidatableResponse publicFigures(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).when().get("/api/v1/stats/public").then();
    }

    private static ValidatableResponse series(String bucket, String from, String to) {
        return given().auth().oauth2(Fixtures.OPS_KEY).queryParam("bucket", bucket).queryParam("from", from)
                .queryParam("to", to).when().get("/api/v1/stats/series").then();
    }

    /** 2025-02-12 in Astana (the same incidents for every test that asks: counted once): 3 bullying, 5 neglect and 6 physical abuse reports, all P3 in Nura. */
    private static void publicDay() {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Category c = i < 3 ? Category.BULLYING : i < 8 ? Category.NEGLECT : Category.PHYSICAL_ABUSE;
            records.add(report(UUID.nameUUIDFromBytes(("public day " + i).getBytes()), String.format("2025-02-12T%02d:00:00+05:00", 8 + i), c));
        }
        send(records.toArray(ProducerRecord[]::new));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.summary("2025-02-12T00:00:00+05:00",
                "2025-02-13T00:00:00+05:00").body("incidents", equalTo(14)));
    }

    @Test
    void thePublicFiguresNeedNoCredentialsAndHideTheCellOf3AndTheCellThatWouldRevealIt() {
        publicDay();
        publicFigures("2025-02-12", "2025-02-13").statusCode(200)
                .body("incidents", equalTo(14))
                .body("byCategory.BULLYING", equalTo("<5"))
                .body("byCategory.NEGLECT", equalTo("suppressed"))
                .body("byCategory.PHYSICAL_ABUSE", equalTo(6))
                .body("byDistrict", equalTo(Map.of("NURA", 14)))
                .body("bySeverity", equalTo(Map.of("P3", 14)))
                .body("responseTimes.P3.assignment.count", equalTo(0))
                .body("responseTimes.P3.assignment.p50", equalTo(null));

        String csv = given().accept("text/csv").queryParam("from", "2025-02-12").queryParam("to", "2025-02-13")
                .when().get("/api/v1/stats/public").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("from,to,figure,value\n"), csv);
        assertTrue(csv.contains("\n2025-02-11T19:00:00Z,2025-02-12T19:00:00Z,incidents,14\n"), csv);
        assertTrue(csv.contains("\n2025-02-11T19:00:00Z,2025-02-12T19:00:00Z,byCategory.BULLYING,<5\n"), csv);
        assertTrue(csv.contains(",byCategory.NEGLECT,suppressed\n"), csv);
        assertTrue(csv.contains(",responseTimes.P3.assignment.p50,\n"), csv);
    }

    @Test
    void theSummaryAsCsvIsExact() {
        publicDay();
        String csv = given().auth().oauth2(Fixtures.OPS_KEY).accept("text/csv")
                .queryParam("from", "2025-02-12T00:00:00+05:00").queryParam("to", "2025-02-13T00:00:00+05:00")
                .when().get("/api/v1/stats/summary").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("from,to,figure,value\n"), csv);
        assertTrue(csv.contains("\n2025-02-11T19:00:00Z,2025-02-12T19:00:00Z,byCategory.BULLYING,3\n"), csv);
        assertTrue(csv.contains(",byCategory.NEGLECT,5\n"), csv);
        assertTrue(csv.contains(",schools.registered,"), csv);
        // without Accept: JSON
        Fixtures.summary("2025-02-12T00:00:00+05:00", "2025-02-13T00:00:00+05:00")
                .contentType(startsWith("application/json")).body("byCategory.BULLYING", equalTo(3));
    }

    @Test
    void dailySeriesSplitsAtAsiaAlmatyMidnightAndWeeksStartOnMonday() {
        // 23:30 and 00:30 in Astana (the same UTC day); the next Monday 00:30; 1 April 00:30
        send(report("2025-03-10T18:30:00Z", Category.BULLYING), report("2025-03-10T19:30:00Z", Category.NEGLECT),
                report("2025-03-16T19:30:00Z", Category.NEGLECT), report("2025-03-31T19:30:00Z", Category.NEGLECT));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.summary("2025-03-10T00:00:00+05:00",
                "2025-04-02T00:00:00+05:00").body("incidents", equalTo(4)));

        series("day", "2025-03-10T00:00:00+05:00", "2025-03-12T00:00:00+05:00").statusCode(200)
                .body("bucket", equalTo("day")).body("zone", equalTo("Asia/Almaty"))
                .body("buckets", hasSize(2))
                .body("buckets[0].from", equalTo("2025-03-09T19:00:00Z"))
                .body("buckets[0].to", equalTo("2025-03-10T19:00:00Z"))
                .body("buckets[0].figures.byCategory", equalTo(Map.of("BULLYING", 1)))
                .body("buckets[1].figures.byCategory", equalTo(Map.of("NEGLECT", 1)));
        // 2025-03-12 is a Wednesday: the first week is cut there, the next runs from Monday 17 March
        series("WEEK", "2025-03-12T00:00:00+05:00", "2025-03-24T00:00:00+05:00").statusCode(200)
                .body("buckets", hasSize(2))
                .body("buckets[0].from", equalTo("2025-03-11T19:00:00Z"))
                .body("buckets[0].to", equalTo("2025-03-16T19:00:00Z"))
                .body("buckets[0].figures.incidents", equalTo(0))
                .body("buckets[1].figures.incidents", equalTo(1));
        series("month", "2025-03-01T00:00:00+05:00", "2025-05-01T00:00:00+05:00").statusCode(200)
                .body("buckets", hasSize(2))
                .body("buckets[0].figures.incidents", equalTo(3))
                .body("buckets[1].from", equalTo("2025-03-31T19:00:00Z"))
                .body("buckets[1].figures.incidents", equalTo(1));

        String csv = given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, "duty-coordinator")).accept("text/csv")
                .queryParam("bucket", "day").queryParam("from", "2025-03-10T00:00:00+05:00")
                .queryParam("to", "2025-03-12T00:00:00+05:00").when().get("/api/v1/stats/series").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("\n2025-03-09T19:00:00Z,2025-03-10T19:00:00Z,byCategory.BULLYING,1\n"), csv);
        assertTrue(csv.contains("\n2025-03-10T19:00:00Z,2025-03-11T19:00:00Z,byCategory.NEGLECT,1\n"), csv);
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        series("hour", "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z").statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("bucket"));
        series(null, "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("bucket"));
        series("day", "2025-03-01T00:00:00Z", null).statusCode(400).body("errors[0].field", equalTo("to"));
        series("day", "2025-03-01", "2025-03-02T00:00:00Z").statusCode(400).body("errors[0].field", equalTo("from"));
        series("day", "2023-01-01T00:00:00Z", "2025-01-01T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("bucket")).body("errors[0].message", containsString("at most 400"));
        given().auth().oauth2(Fixtures.OPS_KEY).queryParam("bucket", "day").queryParam("from", "2025-03-01T00:00:00Z")
                .queryParam("to", "2025-03-02T00:00:00Z").queryParam("district", "MOON")
                .when().get("/api/v1/stats/series").then().statusCode(400).body("errors[0].field", equalTo("district"));

        publicFigures(null, "2025-02-13").statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("from"));
        publicFigures("2025-02-12", "13.02.2025").statusCode(400).body("errors[0].field", equalTo("to"));
        publicFigures("2025-02-14", "2025-02-13").statusCode(400).body("errors[0].field", equalTo("from"));
        publicFigures("2025-02-12", "2999-01-01").statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("ended days"));
    }

    @Test
    void theSeriesIsForOpsAndTheCoordinatorOnly() {
        given().queryParam("bucket", "day").when().get("/api/v1/stats/series").then().statusCode(401);
        given().auth().oauth2(Fixtures.PARTNER_KEY).queryParam("bucket", "day").when().get("/api/v1/stats/series")
                .then().statusCode(403);
    }
}
