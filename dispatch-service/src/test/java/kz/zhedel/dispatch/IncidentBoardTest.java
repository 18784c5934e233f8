package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Coordinators.coordinator;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.service.Deadlines;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;
import kz.zhedel.testing.TopicLog;

/**
 * The coordinator's list of what is stuck. A profile of its own, so a database of its own: the list shows every
 * open incident, and here they are only this test's.
 */
@QuarkusTest
@TestProfile(IncidentBoardTest.OwnDatabase.class)
@WithTestResource(RealInfrastructure.class)
class IncidentBoardTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    Deadlines deadlines;



    static IncidentReported report(Category category, Severity severity, Instant receivedAt) {
        return new IncidentReported(UUID.randomUUID(), "school-a", category, severity, District.YESIL,
                "school-yesil-3", Language.RU, receivedAt.minusSeconds(60), receivedAt);
    }

    @Test
    void listsWhatIsStuckMostSevereThenOldestPageByPage() {
        Instant now = clock.travelTo(Instant.parse("2150-03-01T10:00:00Z"));
        UUID psychologist = Ops.onShift("board-psy", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        // a P1 abuse case needs an inspector and a prosecutor too: nobody of theirs is on call
        IncidentReported partial = report(Category.PHYSICAL_ABUSE, Severity.P1, now.minusSeconds(3000));
        IncidentReported urgent = report(Category.BULLYING, Severity.P1, now.minusSeconds(1000));
        IncidentReported older = report(Category.BULLYING, Severity.P2, now.minusSeconds(5000));
        IncidentReported cancelled = report(Category.BULLYING, Severity.P4, now.minusSeconds(9000));
        for (IncidentReported r : List.of(partial, urgent, older, cancelled)) {
            Kafka.send(r);
            dispatch.awaitOnly(r.incidentId(), PageRequested.class);
        }
        dispatch.awaitEvents(partial.incidentId(), IncidentUnassigned.class, 2);
        coordinator().body(Map.of("reason", "DUPLICATE")).when().post("/api/v1/incidents/" + cancelled.incidentId()
                + "/cancel").then().statusCode(200);

        coordinator().queryParam("size", 2).when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("state", equalTo("open"))
                .body("total", equalTo(3))
                .body("incidents.id", contains(partial.incidentId().toString(), urgent.incidentId().toString()))
                .body("next", equalTo("/api/v1/incidents?state=open&page=1&size=2"))
                .body("incidents[0].status", equalTo("PARTIALLY_ASSIGNED"))
                .body("incidents[0].category", equalTo("PHYSICAL_ABUSE"))
                .body("incidents[0].district", equalTo("YESIL"))
                .body("incidents[0].receivedAt", equalTo(partial.receivedAt().toString()))
                .body("incidents[0].minutesOverdue", equalTo(0))
                .body("incidents[0].team[0].role", equalTo("PSYCHOLOGIST"))
                .body("incidents[0].team[0].responderId", equalTo(psychologist.toString()))
                .body("incidents[0].team[0].responderName", equalTo("board-psy"))
                .body("incidents[0].team[0].status", equalTo("ASSIGNED"))
                .body("incidents[0].team[0].ackDeadline", startsWith("2150-03-01T10:05"))
                .body("incidents[0].team[0].pageStatus", equalTo("REQUESTED"));
        coordinator().queryParam("state", "open").queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("incidents.id", contains(older.incidentId().toString()))
                .body("next", nullValue());

        coordinator().queryParam("state", "unassigned").when().get("/api/v1/incidents")
                .then().statusCode(200).body("incidents.id", contains(partial.incidentId().toString()));
        coordinator().queryParam("state", "overdue").when().get("/api/v1/incidents")
                .then().statusCode(200).body("incidents", equalTo(List.of()));
        coordinator().queryParam("state", "escalated").when().get("/api/v1/incidents")
                .then().statusCode(200).body("incidents", equalTo(List.of()));

        // seven minutes on: the P1 psychologists (5 min) are a minute and more late, the P2 one (15 min) is not
        clock.travelTo(now.plus(Duration.ofMinutes(7)));
        coordinator().queryParam("state", "overdue").when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("incidents.id", contains(partial.incidentId().toString(), urgent.incidentId().toString()))
                .body("incidents.minutesOverdue", everyItem(equalTo(1)));
        // the timer re-pages them: escalated, and still overdue (their first deadline passed)
        deadlines.fireDue();
        coordinator().queryParam("state", "escalated").when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("incidents.id", contains(partial.incidentId().toString(), urgent.incidentId().toString()))
                .body("incidents[0].team[0].missedDeadlines", equalTo(1));
        coordinator().queryParam("state", "overdue").when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        coordinator().queryParam("state", "stuck").when().get("/api/v1/incidents")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("query parameter state must be one of [open, unassigned, escalated, overdue]"));
        coordinator().queryParam("size", 101).when().get("/api/v1/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("size"));
        coordinator().queryParam("page", -1).when().get("/api/v1/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("page"));
        RestAssured.given().auth().oauth2(TestTokens.token(Roles.RESPONDER, UUID.randomUUID().toString()))
                .when().get("/api/v1/incidents").then().statusCode(403).contentType(PROBLEM);
        RestAssured.given().auth().oauth2("key-a").when().get("/api/v1/incidents").then().statusCode(403);
    }
}
