package kz.zhedel.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import kz.zhedel.testing.RealInfrastructure;

/** Every kind of client error is an RFC 9457 problem+json naming what is wrong; an outage is a 503 to retry. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProblemMapperTest {

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/probe").then()
                .contentType(Problem.MEDIA_TYPE).body("instance", equalTo("/probe"));
    }

    @Test
    void aValidationErrorNamesEachField() {
        post("{\"name\":\" \",\"severity\":\"P1\",\"tags\":[\"a\",\"b\",\"c\"]}").statusCode(400)
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("name"))
                .body("errors[1].field", equalTo("tags"));
    }

    @Test
    void fieldsTheServiceFoundInvalidAreNamedLikeAValidationError() {
        given().when().get("/probe/checked").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("2 invalid field(s): start, role"))
                .body("errors[0].field", equalTo("start")).body("errors[1].message", equalTo("is not a PSYCHOLOGIST"));
        given().when().get("/probe/parameter").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("about:blank")).body("title", equalTo("Invalid request"))
                .body("detail", equalTo("invalid parameter: from"))
                .body("errors[0].field", equalTo("from")).body("errors[0].message", equalTo("must not be after to"));
    }

    @Test
    void malformedJsonSaysWhere() {
        post("{\"name\": \"x\",").statusCode(400).body("detail", containsString("malformed JSON at line 1"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItMustBe() {
        post("{\"name\":\"x\",\"severity\":\"P9\"}").statusCode(400).body("errors[0].field", equalTo("severity"))
                .body("errors[0].message", containsString("[P1, P2, P3, P4]"));
        post("{\"name\":\"x\",\"severity\":\"P1\",\"tags\":\"one\"}").statusCode(400)
                .body("errors[0].field", equalTo("tags"));
    }

    @Test
    void anUnknownFieldIsRefusedNotDropped() {
        post("{\"name\":\"x\",\"severity\":\"P1\",\"colour\":\"red\"}").statusCode(400)
                .body("errors[0].field", equalTo("colour")).body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void missingOrUnknownCredentialsAre401AndTheWrongRole403() {
        given().when().get("/probe/ops").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("no-such-key").when().get("/probe/ops").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2("key-a").when().get("/probe/ops").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
        given().auth().oauth2("test-admin-key").when().get("/probe/ops").then().statusCode(200);
    }

    @Test
    void aClientErrorRaisedByARouteKeepsItsStatusAndMessage() {
        given().when().get("/probe/missing").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("no such probe"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                .when().post("/probe").then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBugIsA500ProblemThatSaysNothingOfTheCause() {
        given().when().get("/probe/bug").then().statusCode(500).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(500)).body("detail", not(containsString("Character")));
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfter() {
        given().when().get("/probe/outage").then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", equalTo("5"));
    }
}
