package kz.zhedel.notification;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** The ops read API, as the duty coordinator calls it. */
final class OpsApi {

    static final String ADMIN_KEY = "test-admin-key";

    private OpsApi() {
    }

    /** The incident's pages: {@code [0].status}, {@code [0].deliveries[1].attempts}, ... */
    static JsonPath pages(UUID incidentId) {
        return given().auth().oauth2(ADMIN_KEY).queryParam("incidentId", incidentId.toString())
                .when().get("/api/v1/pages")
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
