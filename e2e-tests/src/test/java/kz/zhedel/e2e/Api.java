package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The public REST contract, as partners and ops call it. */
final class Api {

    static final String CHILD_FIRST = "Айгерим";
    static final String CHILD_LAST = "Сапарова";
    static final String REPORTER = "Мария Ивановна";
    static final String PHONE = "+7 701 555 0101";
    static final String SUMMARY = "classmates push her around every break";

    private final Stack stack;
    /** The shifts this test class put on call, ended by {@link #endShifts()} so that later classes start clean. */
    private final List<String> shifts = new CopyOnWriteArrayList<>();

    Api(Stack stack) {
        this.stack = stack;
    }

    /**
     * Ends every shift this test class scheduled (a running one ends now, a future one is removed): the ITs share one
     * stack, and a responder left on call would be paged, or the waiting roles retried onto them, in a later class.
     */
    void endShifts() {
        shifts.forEach(id -> given().auth().oauth2(Stack.ADMIN_KEY).delete(stack.dispatch() + "/api/v1/shifts/" + id)
                .then().statusCode(anyOf(is(200), is(204), is(409))));
        shifts.clear();
    }

    /** A psychologist on shift from an hour ago for a day, paged through a webhook. */
    String psychologistOnShift(String name, String district, String webhook) {
        return onShift(name, "PSYCHOLOGIST", district, webhook);
    }

    /** A responder of any role on shift from an hour ago for a day, paged through a webhook. */
    String onShift(String name, String role, String district, String webhook) {
        return onShift(name, role, district, List.of(Map.of("channel", "WEBHOOK", "address", webhook)));
    }

    /** A responder on shift from an hour ago for a day, paged through these contact rules. */
    String onShift(String name, String role, String district, List<Map<String, String>> contacts) {
        String id = given().auth().oauth2(Stack.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role, "districts", List.of(district),
                        "languages", List.of("kk", "ru"), "contacts", contacts))
                .post(stack.dispatch() + "/api/v1/responders")
                .then().statusCode(201).extract().path("id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        shift(id, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        return id;
    }

    /** Enrols a responder paged through a webhook, without any shift; returns the id. */
    String enrol(String name, String role, String district, String webhook) {
        return given().auth().oauth2(Stack.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role, "districts", List.of(district),
                        "languages", List.of("kk", "ru"),
                        "contacts", List.of(Map.of("channel", "WEBHOOK", "address", webhook))))
                .post(stack.dispatch() + "/api/v1/responders")
                .then().statusCode(201).extract().path("id");
    }

    /** Puts the responder on shift from {@code start} to {@code end}. */
    void shift(String responderId, Instant start, Instant end) {
        String id = given().auth().oauth2(Stack.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("responderId", responderId, "start", start.toString(), "end", end.toString()))
                .post(stack.dispatch() + "/api/v1/shifts")
                .then().statusCode(201).extract().path("id");
        shifts.add(id);
    }

    /** Reports an incident as the demo school; returns its id. */
    String report(String category, String severity, String district) {
        return report(category, severity, district, null);
    }

    /** Reports an incident as the demo school within the caller's trace (a W3C traceparent, or null). */
    String report(String category, String severity, String district, String traceparent) {
        String body = """
                {"externalRef":"e2e-%s","category":"%s","severity":"%s","district":"%s","schoolId":"school-7",
                 "child":{"firstName":"%s","lastName":"%s","birthYear":2013,"gender":"FEMALE","language":"kk"},
                 "reporter":{"name":"%s","phone":"%s","role":"TEACHER"},
                 "summary":"%s"}
                """.formatted(UUID.randomUUID(), category, severity, district, CHILD_FIRST, CHILD_LAST, REPORTER,
                PHONE, SUMMARY);
        RequestSpecification request = given().auth().oauth2(Stack.PARTNER_KEY).contentType(ContentType.JSON);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.body(body)
                .post(stack.intake() + "/api/v1/incidents")
                .then().statusCode(202).extract().path("id");
    }

    /** Replaces the acknowledgement deadline of one severity in dispatch's team rules (a new rules version). */
    @SuppressWarnings("unchecked")
    void ackDeadline(String severity, int seconds) {
        Map<String, Object> rules = given().auth().oauth2(Stack.ADMIN_KEY).get(stack.dispatch() + "/api/v1/rules")
                .then().statusCode(200).extract().jsonPath().getMap("rules");
        ((Map<String, Object>) rules.get("ackDeadlineSeconds")).put(severity, seconds);
        given().auth().oauth2(Stack.ADMIN_KEY).contentType(ContentType.JSON).body(rules)
                .put(stack.dispatch() + "/api/v1/rules").then().statusCode(200);
    }

    JsonPath incident(String id) {
        return given().auth().oauth2(Stack.PARTNER_KEY).get(stack.intake() + "/api/v1/incidents/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The incident as dispatch's ops see it: its team and each assignment's status. */
    JsonPath dispatchIncident(String id) {
        return given().auth().oauth2(Stack.ADMIN_KEY).get(stack.dispatch() + "/api/v1/incidents/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath summarySince(Instant from) {
        return given().auth().oauth2(Stack.ADMIN_KEY).queryParam("from", from.toString())
                .get(stack.reporting() + "/api/v1/stats/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    void acknowledge(String ackUrl) {
        given().accept(ContentType.JSON).post(ackUrl).then().statusCode(200);
    }
}
