package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Credentials and need to know on the packaged stack: a partner registered by ops reports with its issued key until
 * it is revoked; dev tokens from {@code ./zhedel token} let the assigned responder and the coordinator read the
 * child's details (audited); the same child reported by two partners is linked, and dispatch sees the count; the
 * coordinator cancels a duplicate, its page is withdrawn and the school's timeline ends CANCELLED with the reason.
 */
class PartnerAccessIT extends OnePager {

    private static String report(String key, String firstName, String lastName) {
        String body = """
                {"externalRef":"e2e-%s","category":"NEGLECT","severity":"P3","district":"BAIKONUR",
                 "child":{"firstName":"%s","lastName":"%s","birthYear":2012,"language":"ru"}}
                """.formatted(UUID.randomUUID(), firstName, lastName);
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .post(stack.intake() + "/api/v1/incidents").then().statusCode(202).extract().path("id");
    }

    private static String[] surname() {
        String cyrillic = "бдклмнпрст";
        String latin = "bdklmnprst";
        StringBuilder kz = new StringBuilder("Т");
        StringBuilder en = new StringBuilder("T");
        Random random = new Random();
        for (int i = 0; i < 4; i++) {
            int c = random.nextInt(cyrillic.length());
            kz.append('о').append(cyrillic.charAt(c));
            en.append('o').append(latin.charAt(c));
        }
        return new String[] { kz.append("ова").toString(), en.append("ova").toString() };
    }

    /** BAIKONUR: no other IT has responders there, so this one's psychologist takes no other IT's incidents. */
    @Test
    void registeredPartnersRespondersAndTheCoordinator() {
        api.psychologistOnShift("Aliya Psychologist", "BAIKONUR", pager.url());
        String police = "e2e-police-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Stack.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("id", police, "name", "Juvenile police, Baikonur", "kind", "POLICE"))
                .post(stack.intake() + "/api/v1/partners").then().statusCode(201);
        Map<String, String> issued = given().auth().oauth2(Stack.ADMIN_KEY)
                .post(stack.intake() + "/api/v1/partners/" + police + "/keys").then().statusCode(201)
                .extract().jsonPath().getMap("");
        String policeKey = issued.get("key");
        // a surname of its own each run (the stack keeps its data), in Cyrillic and in Latin letters
        String[] surname = surname();
        String fromSchool = report(Stack.PARTNER_KEY, "Әсел", surname[0]);
        String fromPolice = report(policeKey, "Asel", surname[1]);

        String coordinator = stack.token("coordinator", "duty-e2e");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(coordinator)
                .get(stack.dispatch() + "/api/v1/incidents/" + fromPolice).then().statusCode(200)
                .body("linkedIncidents", equalTo(1)).body("assignments.size()", greaterThanOrEqualTo(1)));
        String responder = given().auth().oauth2(Stack.ADMIN_KEY)
                .get(stack.dispatch() + "/api/v1/incidents/" + fromSchool).then().statusCode(200)
                .extract().path("assignments[0].responderId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(stack.token("responder", responder)).header("X-Purpose", "home visit")
                .get(stack.intake() + "/api/v1/incidents/" + fromSchool + "/details").then().statusCode(200)
                .body("child.firstName", equalTo("Әсел")));
        given().auth().oauth2(stack.token("responder", UUID.randomUUID().toString())).header("X-Purpose", "x")
                .get(stack.intake() + "/api/v1/incidents/" + fromSchool + "/details").then().statusCode(404);
        given().auth().oauth2(coordinator).queryParam("incidentId", fromSchool)
                .get(stack.intake() + "/api/v1/audit").then().statusCode(200)
                .body("principal", hasItem(responder)).body("purpose", hasItem("home visit"));
        given().auth().oauth2(coordinator).get(stack.intake() + "/api/v1/incidents/" + fromPolice + "/links")
                .then().statusCode(200).body("incidentId", equalTo(List.of(fromSchool)));

        given().auth().oauth2(Stack.ADMIN_KEY)
                .delete(stack.intake() + "/api/v1/partners/" + police + "/keys/" + issued.get("id"))
                .then().statusCode(200);
        given().auth().oauth2(policeKey).get(stack.intake() + "/api/v1/incidents/" + fromPolice)
                .then().statusCode(401);

        // the coordinator cancels the school's report as a duplicate: the page is withdrawn, the school sees why
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("reason", "DUPLICATE"))
                .post(stack.dispatch() + "/api/v1/incidents/" + fromSchool + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Stack.PARTNER_KEY)
                .get(stack.intake() + "/api/v1/incidents/" + fromSchool).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("timeline.detail", hasItem("cancelled: DUPLICATE (by coordinator duty-e2e)")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Stack.ADMIN_KEY)
                .queryParam("incidentId", fromSchool).get(stack.notification() + "/api/v1/pages")
                .then().statusCode(200).body("status", everyItem(equalTo("WITHDRAWN"))));
    }
}
