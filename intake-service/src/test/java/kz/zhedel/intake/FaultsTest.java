package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import kz.zhedel.testing.AtOnce;
import kz.zhedel.testing.DatabaseOutage;
import kz.zhedel.testing.RealInfrastructure;

/** Intake under faults: its database unreachable, and the same report sent many times at once. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class FaultsTest {

    private static final int DUPLICATES = 10;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    static ExtractableResponse<Response> post(String body) {
        return given().auth().oauth2("key-b").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents").then().extract();
    }

    @Test
    void concurrentDuplicatesGetOne202AndNine409sNamingTheFirstIncident() throws Exception {
        String body = IncidentResourceTest.report("faults-duplicate-" + Instant.now().toEpochMilli());
        List<ExtractableResponse<Response>> accepted = new ArrayList<>();
        List<ExtractableResponse<Response>> conflicts = new ArrayList<>();
        for (ExtractableResponse<Response> response : AtOnce.call(DUPLICATES, () -> post(body))) {
            (response.statusCode() == 202 ? accepted : conflicts).add(response);
        }

        assertEquals(1, accepted.size(), "exactly one report is accepted");
        String location = accepted.get(0).header("Location");
        assertThat(conflicts.stream().map(ExtractableResponse::statusCode).toList(), everyItem(equalTo(409)));
        assertThat(conflicts.stream().map(r -> r.header("Location")).toList(), everyItem(equalTo(location)));
        assertThat(conflicts.stream().map(ExtractableResponse::contentType).toList(),
                everyItem(startsWith("application/problem+json")));
    }

    @Test
    void aReportWhileTheDatabaseIsDownIs503WithRetryAfterAndStoresNothing() {
        String body = IncidentResourceTest.report("faults-outage-" + Instant.now().toEpochMilli());
        long stored = Stored.rows();
        DatabaseOutage outage = DatabaseOutage.start(database);
        try {
            Instant sent = Instant.now();
            ExtractableResponse<Response> answer = post(body);
            assertEquals(503, answer.statusCode());
            assertThat(Duration.between(sent, Instant.now()), lessThan(Duration.ofSeconds(10)));
            assertThat(answer.contentType(), startsWith("application/problem+json"));
            assertThat(answer.header("Retry-After"), notNullValue());
            assertThat(Integer.parseInt(answer.header("Retry-After")), greaterThan(0));
            assertThat(answer.body().jsonPath().getString("detail"), containsString("database"));
        } finally {
            outage.end();
        }
        assertEquals(stored, Stored.rows());
        // Nothing half-stored: the same report is taken as new once the database is back.
        assertEquals(202, post(body).statusCode());
    }
}
