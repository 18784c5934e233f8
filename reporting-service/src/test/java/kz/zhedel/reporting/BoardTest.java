package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/**
 * The ops board over HTTP: sign-in links (once, 10 minutes, board roles only), the order of the open incidents and
 * each member's status from the events, CSRF on actions, and the actions reaching dispatch as the signed-in user.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(DispatchStandIn.class)
class BoardTest {

    /** Reports an incident received {@code agoMinutes} ago and answers its id. */
    static UUID reported(Severity severity, int agoMinutes) {
        UUID id = UUID.randomUUID();
        Instant received = Instant.now().minus(Duration.ofMinutes(agoMinutes));
        send(CloudEventRecords.of(new IncidentReported(id, "school-a", Category.BULLYING, severity, District.YESIL,
                null, Language.KK, received, received, 0, "SCHOOL", null)));
        return id;
    }

    /** A psychologist assigned and paged with the given acknowledgement deadline; answers the assignment id. */
    static UUID paged(UUID incident, Severity severity, Instant deadline) {
        UUID assignment = UUID.randomUUID();
        UUID responder = UUID.randomUUID();
        send(CloudEventRecords.of(new IncidentDispatched(incident, assignment, responder, ResponderRole.PSYCHOLOGIST,
                "on call", Instant.now().minusSeconds(60), null)),
                CloudEventRecords.of(new PageRequested(incident, UUID.randomUUID(), assignment, responder,
                        Category.BULLYING, severity, District.YESIL, Language.KK, Language.KK,
                        List.of(new Contact(Channel.SMS, "+77010000000")), Instant.now().minusSeconds(60), deadline,
                        null)));
        return assignment;
    }

    static String incidents(String session) {
        return given().cookie("zhedel_board", session).header("Accept-Language", "en").when().get("/board/incidents")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void aSignInLinkOpensTheBoardOnceAndOnlyForTenMinutes() {
        String link = BoardLinks.token("coordinator", "duty-1");
        String session = given().redirects().follow(false).queryParam("t", link).when().get("/login")
                .then().statusCode(303).header("Location", containsString("/"))
                .header("Set-Cookie", containsString("HttpOnly")).header("Set-Cookie", containsString("SameSite=Strict"))
                .extract().cookie("zhedel_board");
        given().cookie("zhedel_board", session).header("Accept-Language", "en").when().get("/")
                .then().statusCode(200).body(containsString("Signed in as duty-1 (coordinator)"));

        given().queryParam("t", link).header("Accept-Language", "en").when().get("/login")
                .then().statusCode(401).body(containsString("was used already"), not(containsString("id=\"incidents\"")));
        given().queryParam("t", BoardLinks.token("coordinator", "duty-1", Instant.now().minus(Duration.ofMinutes(11))))
                .header("Accept-Language", "en").when().get("/login")
                .then().statusCode(401).body(containsString("has expired"));
        given().queryParam("t", TestTokens.fromIssuer("https://elsewhere", "coordinator", "duty-1"))
                .header("Accept-Language", "en").when().get("/login")
                .then().statusCode(401).body(containsString("not valid"));
    }

    @Test
    void partnersAndRespondersGetOnlyTheSignIn() {
        given().queryParam("t", BoardLinks.token("partner", "school-a")).header("Accept-Language", "en")
                .when().get("/login").then().statusCode(403).body(containsString("only for the coordinator and ops"));
        given().queryParam("t", BoardLinks.token("responder", UUID.randomUUID().toString()))
                .header("Accept-Language", "en").when().get("/login").then().statusCode(403);
        for (String bearer : List.of(Fixtures.PARTNER_KEY, TestTokens.token("responder", UUID.randomUUID().toString()),
                TestTokens.token("coordinator", "duty-1"))) {
            // a bearer is not a board session: the board shows nothing but the sign-in
            given().auth().oauth2(bearer).when().get("/").then().statusCode(401)
                    .body(not(containsString("id=\"incidents\"")));
            given().auth().oauth2(bearer).when().get("/board/incidents").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void waitingAndOverdueFirstThenSeverityThenAgeWithEachRolesStatus() {
        String session = BoardLinks.session("ops", "ops-1");
        UUID oldP3 = reported(Severity.P3, 50);
        paged(oldP3, Severity.P3, Instant.now().plus(Duration.ofMinutes(30)));
        UUID newP1 = reported(Severity.P1, 5);
        UUID acknowledged = paged(newP1, Severity.P1, Instant.now().plus(Duration.ofMinutes(5)));
        send(CloudEventRecords.of(new PageDelivered(newP1, UUID.randomUUID(), acknowledged, Channel.SMS,
                Instant.now().minusSeconds(50))), CloudEventRecords.of(new AssignmentAcknowledged(newP1, acknowledged,
                UUID.randomUUID(), Instant.now().minusSeconds(40), null)));
        UUID overdueP2 = reported(Severity.P2, 20);
        paged(overdueP2, Severity.P2, Instant.now().minus(Duration.ofMinutes(1)));
        UUID waitingP3 = reported(Severity.P3, 10);
        send(CloudEventRecords.of(new IncidentUnassigned(waitingP3, ResponderRole.JUVENILE_INSPECTOR, "nobody on call",
                Instant.now().minus(Duration.ofMinutes(9)))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String page = incidents(session);
            List<UUID> order = List.of(overdueP2, waitingP3, newP1, oldP3);
            int last = -1;
            for (UUID id : order) {
                int at = page.indexOf("data-incident=\"" + id + "\"");
                assertTrue(at > last, id + " out of order in " + page);
                last = at;
            }
            assertTrue(page.matches("(?s).*data-incident=\"" + newP1 + "\".*Psychologist: acknowledged.*"
                    + "data-incident=\"" + oldP3 + "\".*"), "the P1's psychologist acknowledged");
            assertTrue(page.matches("(?s).*data-incident=\"" + waitingP3 + "\".*Juvenile inspector: unassigned.*"),
                    "the waiting role");
            assertTrue(page.matches("(?s).*data-incident=\"" + overdueP2 + "\" class=\"P2 overdue\".*"
                    + "countdown passed.*"), "the overdue P2's deadline has passed");
        });
    }

    @Test
    void actionsNeedTheSessionsCsrfTokenAndReachDispatchAsTheUser() {
        String session = BoardLinks.session("coordinator", "duty-7");
        String csrf = given().cookie("zhedel_board", session).when().get("/").then().statusCode(200).extract()
                .htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        UUID incident = UUID.randomUUID();
        int before = DispatchStandIn.CALLS.size();

        given().cookie("zhedel_board", session).formParam("text", "seen by the school nurse")
                .when().post("/board/incidents/" + incident + "/notes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-CSRF-Token"));
        given().cookie("zhedel_board", session).header("X-CSRF-Token", "forged").formParam("text", "x")
                .when().post("/board/incidents/" + incident + "/notes").then().statusCode(403);
        assertEquals(before, DispatchStandIn.CALLS.size(), "nothing reached dispatch");

        given().cookie("zhedel_board", session).header("X-CSRF-Token", csrf).header("Accept-Language", "en")
                .formParam("text", "seen by the school nurse")
                .when().post("/board/incidents/" + incident + "/notes")
                .then().statusCode(200).body(containsString("Dispatch accepted it."));
        DispatchStandIn.Call call = DispatchStandIn.CALLS.get(DispatchStandIn.CALLS.size() - 1);
        assertEquals("/api/v1/incidents/" + incident + "/notes", call.path());
        assertTrue(call.authorization().startsWith("Bearer ey"), "the user's dispatch token, not a key");
        assertEquals("{\"text\":\"seen by the school nurse\"}", call.body());

        DispatchStandIn.REFUSING.add(incident.toString());
        given().cookie("zhedel_board", session).header("X-CSRF-Token", csrf).header("Accept-Language", "en")
                .formParam("reason", "DUPLICATE").when().post("/board/incidents/" + incident + "/cancel")
                .then().statusCode(200).body(containsString("Dispatch refused (409)"),
                        containsString("the incident is cancelled already"));
        given().cookie("zhedel_board", session).header("X-CSRF-Token", csrf)
                .formParam("responderId", "not-a-uuid").formParam("reason", "closest")
                .when().post("/board/incidents/" + incident + "/assign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("responderId"));
    }

    @Test
    void theAssignFormOffersARolesRespondersByNameOnCallFirst() {
        String session = BoardLinks.session("coordinator", "duty-roster");
        String options = given().cookie("zhedel_board", session).header("Accept-Language", "en")
                .queryParam("role", "PSYCHOLOGIST").when().get("/board/responders")
                .then().statusCode(200).extract().asString();
        int onCall = options.indexOf("Zarina Omarova · on call now (on shift)");
        int offDuty = options.indexOf("Aigul Bekova · not on call");
        assertTrue(onCall > 0 && offDuty > onCall, "on call first: " + options);
        assertTrue(options.contains("value=\"" + DispatchStandIn.ON_CALL + "\""), options);
        assertTrue(!options.contains("Former Psychologist") && !options.contains("+7 701"),
                "no deactivated responder, no contact: " + options);
        String bearer = DispatchStandIn.CALLS.stream()
                .filter(c -> c.path().equals("/api/v1/responders?role=PSYCHOLOGIST")).reduce((a, b) -> b)
                .orElseThrow().authorization();
        assertTrue(bearer.startsWith("Bearer ey"), "the user's dispatch token, not a key");

        for (String role : List.of("COORDINATOR", "ASTRONAUT")) {
            given().cookie("zhedel_board", session).queryParam("role", role).when().get("/board/responders")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("role"));
        }
        given().queryParam("role", "PSYCHOLOGIST").when().get("/board/responders").then().statusCode(401);
    }
}
