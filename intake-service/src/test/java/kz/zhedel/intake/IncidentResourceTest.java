package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import kz.zhedel.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IncidentResourceTest {

    static String report(String externalRef) {
        return """
                {"externalRef":"%s","category":"BULLYING","severity":"P3","district":"BAIKONUR",
                 "schoolId":"school-42","occurredAt":"2026-01-10T08:00:00Z",
                 "child":{"firstName":"Айгерим","lastName":"Сапарова","birthYear":2013,"gender":"FEMALE","language":"kk"},
                 "reporter":{"name":"Мария Ивановна","phone":"+7 701 555 0101","role":"TEACHER"},
                 "summary":"classmates push her around every break"}
                """.formatted(externalRef);
    }

    @Test
    void partnerReportsAndReadsBack() {
        String location = given().auth().oauth2("key-a").contentType(ContentType.JSON).body(report("ref-1"))
                .when().post("/api/v1/incidents")
                .then().statusCode(202)
                .body("status", equalTo("RECEIVED"))
                .header("Location", containsString("/api/v1/incidents/"))
                .extract().header("Location");

        given().auth().oauth2("key-a").when().get(location)
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("category", equalTo("BULLYING"))
                .body("timeline.status", hasItem("RECEIVED"))
                .body(org.hamcrest.Matchers.not(containsString("Айгерим")));
    }

    @Test
    void anotherPartnersIncidentIsNotFound() {
        String location = given().auth().oauth2("key-a").contentType(ContentType.JSON).body(report("ref-2"))
                .when().post("/api/v1/incidents").then().statusCode(202).extract().header("Location");
        given().auth().oauth2("key-b").when().get(location)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void missingOrWrongKeyIs401() {
        given().contentType(ContentType.JSON).body(report("ref-3")).when().post("/api/v1/incidents")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2("nope").contentType(ContentType.JSON).body(report("ref-3"))
                .when().post("/api/v1/incidents")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void opsKeyIsNotAPartner() {
        given().auth().oauth2("test-admin-key").contentType(ContentType.JSON).body(report("ref-4"))
                .when().post("/api/v1/incidents")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void sameExternalRefTwiceIsAConflict() {
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body(report("ref-5"))
                .when().post("/api/v1/incidents").then().statusCode(202);
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body(report("ref-5"))
                .when().post("/api/v1/incidents")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void invalidFieldsAreNamed() {
        given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(Map.of("externalRef", "", "category", "BULLYING", "severity", "P3",
                        "child", Map.of("birthYear", 1970, "language", "kk")))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("externalRef"))
                .body("errors.field", hasItem("district"))
                .body("errors.field", hasItem("child.firstName"))
                .body("errors.field", hasItem("child.birthYear"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(report("ref-6").replace("\"kk\"", "\"en\""))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("child.language"))
                .body("errors[0].message", containsString("kk, ru"));
    }

    @Test
    void oversizedBodyIs413() {
        given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(report("ref-7").replace("every break", "x".repeat(70_000)))
                .when().post("/api/v1/incidents")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
        // Nothing was stored: the same reference is still free.
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body(report("ref-7"))
                .when().post("/api/v1/incidents").then().statusCode(202);
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body("{\"externalRef\": ")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("malformed JSON"));
    }
}
