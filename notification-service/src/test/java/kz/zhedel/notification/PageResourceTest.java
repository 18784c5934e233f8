package kz.zhedel.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PageResourceTest {

    @Test
    void pagesNeedTheOpsKey() {
        given().queryParam("incidentId", UUID.randomUUID().toString()).when().get("/api/v1/pages")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-key").queryParam("incidentId", UUID.randomUUID().toString())
                .when().get("/api/v1/pages")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void incidentIdIsRequiredAndAUuid() {
        given().auth().oauth2(OpsApi.ADMIN_KEY).when().get("/api/v1/pages")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("incidentId"))
                .body("errors[0].message", equalTo("is required"));
        given().auth().oauth2(OpsApi.ADMIN_KEY).queryParam("incidentId", "42").when().get("/api/v1/pages")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("incidentId"))
                .body("errors[0].message", equalTo("must be a UUID"));
    }

    @Test
    void unknownIncidentHasNoPages() {
        given().auth().oauth2(OpsApi.ADMIN_KEY).queryParam("incidentId", UUID.randomUUID().toString())
                .when().get("/api/v1/pages")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database"), containsString("Kafka")));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/v1/pages"), containsString("/ack/{token}"));
    }
}
