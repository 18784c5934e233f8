package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.TestTokens;

/** The duty coordinator, with a bearer token of the coordinator role, through the real HTTP API. */
final class Coordinators {

    static final String SUBJECT = "duty-anna";

    private Coordinators() {
    }

    static RequestSpecification coordinator() {
        return given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, SUBJECT)).contentType(ContentType.JSON);
    }

    static RequestSpecification responder(Object responderId) {
        return given().auth().oauth2(TestTokens.token(Roles.RESPONDER, responderId.toString()))
                .contentType(ContentType.JSON);
    }
}
