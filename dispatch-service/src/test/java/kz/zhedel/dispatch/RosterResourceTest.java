package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;
import static kz.zhedel.dispatch.Ops.contact;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.ops;
import static kz.zhedel.dispatch.Ops.responder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RosterResourceTest {

    @Inject
    MovableClock clock;

    static Map<String, Object> aPsychologist() {
        return responder("Әсем Нұрланқызы", ResponderRole.PSYCHOLOGIST, List.of(District.BAIKONUR, District.YESIL),
                List.of("kk", "ru"), List.of(contact("WEBHOOK", "https://psc.example/pager/asem"),
                        contact("SMS", "+7 701 555 0199", "PT1M")));
    }

    @Test
    void enrolsAResponderAndReadsItBack() {
        String location = ops().body(aPsychologist()).when().post("/api/v1/responders")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/responders/"))
                .body("role", equalTo("PSYCHOLOGIST"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        ops().when().get(location)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Әсем Нұрланқызы"))
                .body("districts", contains("BAIKONUR", "YESIL"))
                .body("languages", contains("kk", "ru"))
                .body("contacts.channel", contains("WEBHOOK", "SMS"))
                .body("contacts.address", contains("https://psc.example/pager/asem", "+7 701 555 0199"))
                .body("contacts.delay", contains(null, "PT1M"));
    }

    @Test
    void listsRespondersByRole() {
        UUID psychologist = Ops.enrol(aPsychologist());
        UUID inspector = Ops.enrol("inspector-list", ResponderRole.JUVENILE_INSPECTOR, List.of("ru"),
                District.NURA);

        ops().when().get("/api/v1/responders")
                .then().statusCode(200).body("id", hasItems(psychologist.toString(), inspector.toString()));
        ops().queryParam("role", "PSYCHOLOGIST").when().get("/api/v1/responders")
                .then().statusCode(200)
                .body("id", hasItem(psychologist.toString()))
                .body("id", not(hasItem(inspector.toString())))
                .body("role", everyItem(equalTo("PSYCHOLOGIST")));
    }

    /** The ops board's assign form: the coordinator reads a role's responders and who of them is on call now. */
    @Test
    void theCoordinatorReadsTheRespondersOfARoleAndWhoIsOnCallNow() {
        Instant now = clock.instant();
        UUID onShift = Ops.enrol("on-call-list-1", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.NURA);
        UUID offDuty = Ops.enrol("on-call-list-2", ResponderRole.SOCIAL_WORKER, List.of("ru"), District.NURA);
        UUID deactivated = Ops.enrol("on-call-list-3", ResponderRole.SOCIAL_WORKER, List.of("ru"), District.NURA);
        Ops.shift(onShift, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        Ops.shift(deactivated, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        ops().body(Map.of("reason", "left the centre")).when()
                .post("/api/v1/responders/{id}/deactivate", deactivated).then().statusCode(200);

        Coordinators.coordinator().queryParam("role", "SOCIAL_WORKER").when().get("/api/v1/responders")
                .then().statusCode(200).body("id", hasItems(onShift.toString(), offDuty.toString()))
                .body("role", everyItem(equalTo("SOCIAL_WORKER")));
        Coordinators.coordinator().queryParam("role", "SOCIAL_WORKER").when().get("/api/v1/responders/on-call")
                .then().statusCode(200)
                .body("responderId", hasItem(onShift.toString()))
                .body("responderId", not(hasItem(offDuty.toString())))
                .body("responderId", not(hasItem(deactivated.toString())))
                .body("find { it.responderId == '" + onShift + "' }.via", equalTo("on shift"));

        Coordinators.coordinator().when().get("/api/v1/responders/on-call")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("role"));
        Coordinators.responder(onShift).queryParam("role", "SOCIAL_WORKER").when().get("/api/v1/responders")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
        Coordinators.responder(onShift).queryParam("role", "SOCIAL_WORKER").when().get("/api/v1/responders/on-call")
                .then().statusCode(403);
        // reading is all: the roster stays the ops team's
        Coordinators.coordinator().body(aPsychologist()).when().post("/api/v1/responders").then().statusCode(403);
    }

    @Test
    void unknownRoleFilterIsNamed() {
        ops().queryParam("role", "ASTRONAUT").when().get("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("role"))
                .body("detail", containsString("PSYCHOLOGIST"));
    }

    @Test
    void invalidResponderFieldsAreNamed() {
        Map<String, Object> body = new HashMap<>(aPsychologist());
        body.remove("role");
        body.put("name", "x".repeat(201));
        body.put("districts", List.of());
        body.put("languages", List.of());
        body.put("contacts", List.of(contact("SMS", " ")));
        ops().body(body).when().post("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("name", "role", "districts", "languages", "contacts[0].address"));
    }

    @Test
    void missingContactsAreNamed() {
        Map<String, Object> body = new HashMap<>(aPsychologist());
        body.remove("contacts");
        ops().body(body).when().post("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("contacts"));
    }

    @Test
    void unknownChannelListsTheAllowedOnes() {
        Map<String, Object> body = new HashMap<>(aPsychologist());
        body.put("contacts", List.of(contact("PIGEON", "roof")));
        ops().body(body).when().post("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("contacts[0].channel"))
                .body("errors[0].message", containsString("WEBHOOK, EMAIL, SMS, VOICE, TELEGRAM"));
    }

    @Test
    void unknownLanguageListsTheAllowedOnes() {
        Map<String, Object> body = new HashMap<>(aPsychologist());
        body.put("languages", List.of("kk", "en"));
        ops().body(body).when().post("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("languages[1]"))
                .body("errors[0].message", containsString("kk, ru"));
    }

    @Test
    void missingBodyIs400() {
        ops().when().post("/api/v1/responders")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    @Test
    void unknownResponderIsNotFound() {
        ops().when().get("/api/v1/responders/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void opsKeyIsRequired() {
        given().contentType(ContentType.JSON).body(aPsychologist()).when().post("/api/v1/responders")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().get("/api/v1/shifts")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        given().auth().oauth2("key-a").contentType(ContentType.JSON).body(aPsychologist())
                .when().post("/api/v1/responders")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2("key-a").when().get("/api/v1/incidents/" + UUID.randomUUID())
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    void schedulesShiftsAndListsThemByResponderAndMoment() {
        UUID responder = Ops.enrol(aPsychologist());
        Instant start = Instant.parse("2030-06-01T08:00:00Z");
        Instant end = Instant.parse("2030-06-01T20:00:00Z");
        String location = ops().body(Map.of("responderId", responder.toString(), "start", start.toString(),
                "end", end.toString()))
                .when().post("/api/v1/shifts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/shifts/"))
                .body("responderId", equalTo(responder.toString()))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        UUID night = Ops.shift(responder, end, Instant.parse("2030-06-02T08:00:00Z"));

        ops().when().get(location).then().statusCode(200)
                .body("start", equalTo(start.toString())).body("end", equalTo(end.toString()));
        ops().queryParam("responderId", responder).when().get("/api/v1/shifts")
                .then().statusCode(200).body("id", contains(id, night.toString()));
        // end is exclusive: at 20:00 the night shift has taken over
        ops().queryParam("responderId", responder).queryParam("at", "2030-06-01T20:00:00Z")
                .when().get("/api/v1/shifts")
                .then().statusCode(200).body("id", contains(night.toString()));
        ops().queryParam("at", "2030-06-01T12:00:00Z").when().get("/api/v1/shifts")
                .then().statusCode(200).body("id", hasItem(id)).body("id", not(hasItem(night.toString())));
    }

    @Test
    void shiftEndingBeforeItStartsIsNamed() {
        UUID responder = Ops.enrol(aPsychologist());
        ops().body(Map.of("responderId", responder.toString(), "start", "2030-07-01T20:00:00Z",
                "end", "2030-07-01T08:00:00Z"))
                .when().post("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("end"))
                .body("errors[0].message", containsString("after start"));
    }

    @Test
    void shiftOfAnUnknownResponderIsNamed() {
        ops().body(Map.of("responderId", UUID.randomUUID().toString(), "start", "2030-07-01T08:00:00Z",
                "end", "2030-07-01T20:00:00Z"))
                .when().post("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("responderId"));
    }

    @Test
    void incompleteShiftIsNamed() {
        ops().body(Map.of("start", "yesterday"))
                .when().post("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("start"));
        ops().body(Map.of("end", "2030-07-01T20:00:00Z"))
                .when().post("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("responderId", "start"));
    }

    @Test
    void badShiftFiltersAreNamed() {
        ops().queryParam("at", "noon").when().get("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("at"));
        ops().queryParam("responderId", "42").when().get("/api/v1/shifts")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("responderId"));
    }

    @Test
    void unknownIncidentIsNotFound() {
        ops().when().get("/api/v1/incidents/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void readyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void describesAndMeasuresItself() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/responders")).body(containsString("/api/v1/incidents/{id}"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
