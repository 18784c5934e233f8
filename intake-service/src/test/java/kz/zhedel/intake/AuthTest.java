package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** Who may call what: configured keys, registry keys, bearer tokens, and the 401/403/404 answers. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AuthTest {

    static final String OPS = "test-admin-key";

    static RequestSpecification as(String bearer) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON);
    }

    static String post(String bearer, String externalRef) {
        return as(bearer).body(IncidentResourceTest.report(externalRef)).when().post("/api/v1/incidents")
                .then().statusCode(202).extract().path("id");
    }

    @Test
    void aRegisteredPartnerReportsWithAnIssuedKeyUntilItIsRevoked() {
        as(OPS).body(Map.of("id", "police-almaty", "name", "Juvenile police, Almaty district", "kind", "POLICE"))
                .when().post("/api/v1/partners").then().statusCode(201).body("kind", equalTo("POLICE"));
        Map<String, String> issued = as(OPS).when().post("/api/v1/partners/police-almaty/keys")
                .then().statusCode(201).body("key", startsWith("zhk_")).extract().as(Map.class);
        String key = issued.get("key");

        String id = post(key, "police-1");
        as(key).when().get("/api/v1/incidents/" + id).then().statusCode(200);
        // ops sees the key by its prefix only, never again by its value
        as(OPS).when().get("/api/v1/partners/police-almaty").then().statusCode(200)
                .body("keys[0].prefix", equalTo(key.substring(0, 10)))
                .body(not(org.hamcrest.Matchers.containsString(key)));

        as(OPS).when().delete("/api/v1/partners/police-almaty/keys/" + issued.get("id"))
                .then().statusCode(200).body("revokedAt", notNullValue());
        as(key).when().get("/api/v1/incidents/" + id)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        as(key).body(IncidentResourceTest.report("police-2")).when().post("/api/v1/incidents")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void onlyOpsManagesPartners() {
        as("key-a").body(Map.of("id", "x", "name", "x", "kind", "SCHOOL")).when().post("/api/v1/partners")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        as(TestTokens.token(Roles.COORDINATOR, "coordinator-1")).when().get("/api/v1/partners")
                .then().statusCode(403);
        given().when().get("/api/v1/partners").then().statusCode(401);
        as(OPS).body(Map.of("id", "Bad Id", "name", "x", "kind", "ZOO")).when().post("/api/v1/partners")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(OPS).when().post("/api/v1/partners/nobody/keys").then().statusCode(404);
        as(OPS).when().delete("/api/v1/partners/nobody/keys/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aPartnerTokenIsThePartnerNamedByItsSubject() {
        String id = post("key-a", "jwt-1");
        as(TestTokens.token(Roles.PARTNER, "school-a")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        as(TestTokens.token(Roles.PARTNER, "school-b")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        String byToken = post(TestTokens.token(Roles.PARTNER, "school-a"), "jwt-2");
        as("key-a").when().get("/api/v1/incidents/" + byToken).then().statusCode(200);
    }

    @Test
    void anotherPartnersIncidentIsAnsweredLikeAMissingOne() {
        String id = post("key-a", "jwt-3");
        String other = as("key-b").when().get("/api/v1/incidents/" + id).then().statusCode(404).extract().asString();
        String missing = as("key-b").when().get("/api/v1/incidents/" + UUID.randomUUID()).then().statusCode(404)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(other.replace(id, "ID"),
                missing.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"));
    }

    @Test
    void expiredForeignOrWrongRoleTokensAreRefused() {
        String id = post("key-a", "jwt-4");
        as(TestTokens.expired(Roles.PARTNER, "school-a")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        as(TestTokens.fromIssuer("https://evil.example", Roles.PARTNER, "school-a"))
                .when().get("/api/v1/incidents/" + id).then().statusCode(401);
        as("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzY2hvb2wtYSJ9.c2lnbmF0dXJl")
                .when().get("/api/v1/incidents/" + id).then().statusCode(401);
        as(TestTokens.token(Roles.RESPONDER, UUID.randomUUID().toString()))
                .body(IncidentResourceTest.report("jwt-5")).when().post("/api/v1/incidents")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        as(TestTokens.token(Roles.COORDINATOR, "coordinator-1")).body(IncidentResourceTest.report("jwt-6"))
                .when().post("/api/v1/incidents").then().statusCode(403);
    }

    @Test
    void theCoordinatorReadsAnyIncident() {
        String id = post("key-b", "jwt-7");
        as(TestTokens.token(Roles.COORDINATOR, "coordinator-1")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        as(OPS).when().get("/api/v1/incidents/" + id).then().statusCode(403);
    }
}
