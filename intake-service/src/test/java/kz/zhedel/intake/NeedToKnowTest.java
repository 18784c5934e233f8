package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** The personal data goes to the reporting partner, the assigned responders and the coordinator, each read audited. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NeedToKnowTest {

    static RequestSpecification as(String bearer, String purpose) {
        return given().auth().oauth2(bearer).header("X-Purpose", purpose);
    }

    static String details(String id) {
        return "/api/v1/incidents/" + id + "/details";
    }

    @Test
    void thoseWhoNeedToKnowReadTheDetailsAndEachReadIsAudited() {
        String id = AuthTest.post("key-a", "need-1");
        UUID responder = UUID.randomUUID();
        String responderToken = TestTokens.token(Roles.RESPONDER, responder.toString());
        String coordinator = TestTokens.token(Roles.COORDINATOR, "duty-coordinator");

        as("key-a", "follow-up").when().get(details(id)).then().statusCode(200)
                .body("child.firstName", equalTo("Айгерим")).body("child.birthYear", equalTo(2013))
                .body("reporter.phone", equalTo("+7 701 555 0101"))
                .body("summary", equalTo("classmates push her around every break"));
        // not assigned (yet): the incident does not exist for this responder
        as(responderToken, "home visit").when().get(details(id)).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Kafka.send(
                new IncidentDispatched(UUID.fromString(id), UUID.randomUUID(), responder, ResponderRole.PSYCHOLOGIST,
                        "on call", Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(responderToken, "home visit")
                .when().get(details(id)).then().statusCode(200).body("child.lastName", equalTo("Сапарова")));
        as(coordinator, "case review #12").when().get(details(id)).then().statusCode(200);

        as("key-b", "curious").when().get(details(id)).then().statusCode(404);
        as(TestTokens.token(Roles.RESPONDER, "not-a-uuid"), "x").when().get(details(id)).then().statusCode(404);
        as("test-admin-key", "ops").when().get(details(id)).then().statusCode(403);
        given().auth().oauth2("key-a").when().get(details(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Purpose"));
        as("key-a", "Айгерим's \"case\"\n").when().get(details(id)).then().statusCode(400);

        given().auth().oauth2(coordinator).queryParam("incidentId", id).when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("principal", contains("duty-coordinator", responder.toString(), "school-a"))
                .body("role", contains("coordinator", "responder", "partner"))
                .body("purpose", contains("case review #12", "home visit", "follow-up"));
        given().auth().oauth2("key-a").when().get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2("test-admin-key").when().get("/api/v1/audit").then().statusCode(403);
    }
}
