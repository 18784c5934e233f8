package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.intake.service.IdempotencyKeys;
import kz.zhedel.testing.RealInfrastructure;

/** A partner may resend a report with the same Idempotency-Key: the first answer comes back, nothing is created. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IdempotencyTest {

    @Inject
    IdempotencyKeys keys;

    @Inject
    EntityManager db;

    static ExtractableResponse<Response> post(String partnerKey, String idempotencyKey, String body) {
        return given().auth().oauth2(partnerKey).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/incidents").then().extract();
    }

    @Test
    void aReplayGetsTheFirstAnswerAndCreatesNothing() {
        String body = IncidentResourceTest.report("idem-1");
        ExtractableResponse<Response> first = post("key-a", "retry-1", body);
        assertEquals(202, first.statusCode());
        long stored = Stored.rows();

        // the same report again, reformatted as a retrying client may: still the same request
        ExtractableResponse<Response> again = post("key-a", "retry-1", body.replace("\n", " ").replace(",\"", ", \""));

        assertEquals(202, again.statusCode());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().jsonPath().getString("id"), again.body().jsonPath().getString("id"));
        assertEquals("RECEIVED", again.body().jsonPath().getString("status"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(stored, Stored.rows());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        post("key-a", "retry-2", IncidentResourceTest.report("idem-2"));
        long stored = Stored.rows();
        given().auth().oauth2("key-a").header("Idempotency-Key", "retry-2").contentType(ContentType.JSON)
                .body(IncidentResourceTest.report("idem-2").replace("P3", "P1"))
                .when().post("/api/v1/incidents")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422)).body("detail", containsString("retry-2"));
        assertEquals(stored, Stored.rows());
    }

    @Test
    void keysBelongToOnePartner() {
        String a = post("key-a", "shared-key", IncidentResourceTest.report("idem-3")).path("id");
        String b = post("key-b", "shared-key", IncidentResourceTest.report("idem-3")).path("id");
        assertNotEquals(a, b);
    }

    @Test
    void withoutAKeyARepeatIsTheExternalRefConflict() {
        post("key-a", "retry-4", IncidentResourceTest.report("idem-4"));
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body(IncidentResourceTest.report("idem-4"))
                .when().post("/api/v1/incidents").then().statusCode(409);
        given().auth().oauth2("key-a").header("Idempotency-Key", "x".repeat(201)).contentType(ContentType.JSON)
                .body(IncidentResourceTest.report("idem-5")).when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keysAreKeptADayThenPurged() {
        post("key-a", "old-key", IncidentResourceTest.report("idem-6"));
        post("key-a", "recent-key", IncidentResourceTest.report("idem-7"));
        QuarkusTransaction.requiringNew().run(() -> {
            age("old-key", Duration.ofHours(25));
            age("recent-key", Duration.ofHours(23));
        });

        keys.purge();

        // the recent key still replays; the old one is forgotten, so its report is now an externalRef conflict
        assertEquals("true", post("key-a", "recent-key", IncidentResourceTest.report("idem-7"))
                .header("Idempotent-Replayed"));
        assertEquals(409, post("key-a", "old-key", IncidentResourceTest.report("idem-6")).statusCode());
    }

    private void age(String key, Duration age) {
        db.createNativeQuery("update idempotent_request set created_at = ?1 where idempotency_key = ?2")
                .setParameter(1, Timestamp.from(Instant.now().minus(age))).setParameter(2, key).executeUpdate();
    }
}
