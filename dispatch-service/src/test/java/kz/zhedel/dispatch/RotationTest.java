package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.ops;
import static kz.zhedel.dispatch.Rotas.almaty;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.service.Candidate;
import kz.zhedel.dispatch.service.OnCall;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** Rotations hand duty on in Almaty time, overrides cover for people, and holes in the roster are reported. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RotationTest {

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    OnCall onCall;



    Optional<Candidate> choose(ResponderRole role, District district, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> onCall.choose(role, district, Language.KK, at));
    }

    UUID onCallAt(ResponderRole role, Instant at) {
        return choose(role, District.BAIKONUR, at).orElseThrow().responder().id;
    }

    @Test
    void aDailyRotationHandsOffAtMidnightAlmatyTimeAndDispatchFollowsIt() {
        UUID a = Ops.enrol("night-a", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        UUID b = Ops.enrol("night-b", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        UUID c = Ops.enrol("night-c", ResponderRole.PSYCHOLOGIST, List.of("ru"), District.ALMATY);
        Instant start = almaty("2090-01-01T00:00");
        Rotas.create(Rotas.daily("Night psychologists", ResponderRole.PSYCHOLOGIST, "00:00", start,
                List.of(District.BAIKONUR), a, b, c));

        assertEquals(Optional.empty(), choose(ResponderRole.PSYCHOLOGIST, District.BAIKONUR, start.minusSeconds(1)));
        assertEquals(a, onCallAt(ResponderRole.PSYCHOLOGIST, almaty("2090-01-01T23:59:59")));
        Instant midnight = almaty("2090-01-02T00:00");
        assertEquals(Instant.parse("2090-01-01T19:00:00Z"), midnight, "Almaty is UTC+5");
        assertEquals(b, onCallAt(ResponderRole.PSYCHOLOGIST, midnight));
        assertEquals(c, onCallAt(ResponderRole.PSYCHOLOGIST, almaty("2090-01-03T12:00")));
        assertEquals(a, onCallAt(ResponderRole.PSYCHOLOGIST, almaty("2090-01-04T00:00")), "round again");

        Instant now = clock.travelTo(midnight.plusSeconds(30));
        IncidentReported report = reported(now, District.BAIKONUR, Language.KK);
        Kafka.send(report);
        IncidentDispatched dispatched = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(b, dispatched.responderId());
        assertThat(dispatched.reason(),
                equalTo("on call via rotation 'Night psychologists', covers BAIKONUR, speaks kk, 0 open"));
    }

    @Test
    void aWeeklyRotationHandsOffOnItsDayAndTime() {
        UUID a = Ops.enrol("week-a", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"), District.NURA);
        UUID b = Ops.enrol("week-b", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"), District.NURA);
        Map<String, Object> weekly = Rotas.daily("Inspectors by week", ResponderRole.JUVENILE_INSPECTOR, "09:00",
                almaty("2090-01-03T15:00"), List.of(District.NURA), a, b); // a Wednesday
        weekly.put("handoff", "WEEKLY");
        weekly.put("handoffDay", "MONDAY");
        UUID rotation = Rotas.create(weekly);

        assertEquals(a, onCallAt(ResponderRole.JUVENILE_INSPECTOR, almaty("2090-01-09T08:59:59")));
        assertEquals(b, onCallAt(ResponderRole.JUVENILE_INSPECTOR, almaty("2090-01-09T09:00")), "Monday 09:00");
        assertEquals(b, onCallAt(ResponderRole.JUVENILE_INSPECTOR, almaty("2090-01-15T23:00")), "all week");
        assertEquals(a, onCallAt(ResponderRole.JUVENILE_INSPECTOR, almaty("2090-01-16T09:00")));
        ops().when().get("/api/v1/rotations/" + rotation).then().statusCode(200)
                .body("handoff", equalTo("WEEKLY")).body("handoffDay", equalTo("MONDAY"))
                .body("zone", equalTo("Asia/Almaty")).body("participants", contains(a.toString(), b.toString()));
    }

    @Test
    void anOverrideCoversForTheReplacedParticipantOnly() {
        UUID a = Ops.enrol("sw-a", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.YESIL);
        UUID b = Ops.enrol("sw-b", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.YESIL);
        UUID stand = Ops.enrol("sw-standin", ResponderRole.SOCIAL_WORKER, List.of("ru"), District.YESIL);
        UUID rotation = Rotas.create(Rotas.daily("Social workers", ResponderRole.SOCIAL_WORKER, "09:00",
                almaty("2091-03-01T09:00"), List.of(District.YESIL), a, b));
        // b's turn is 03-02 09:00 to 03-03 09:00; the stand-in covers b from the evening before to noon
        Rotas.override(rotation, Rotas.override(stand, almaty("2091-03-01T20:00"), almaty("2091-03-02T12:00"), b));

        assertEquals(a, onCallAt(ResponderRole.SOCIAL_WORKER, almaty("2091-03-01T21:00")), "a is not replaced");
        Candidate covering = choose(ResponderRole.SOCIAL_WORKER, District.YESIL, almaty("2091-03-02T10:00"))
                .orElseThrow();
        assertEquals(stand, covering.responder().id);
        assertThat(covering.via(), equalTo("covering rotation 'Social workers'"));
        assertEquals(b, onCallAt(ResponderRole.SOCIAL_WORKER, almaty("2091-03-02T12:00")), "end is exclusive");

        ops().when().get("/api/v1/rotations/" + rotation).then().statusCode(200)
                .body("overrides", hasSize(1))
                .body("overrides[0].responderId", equalTo(stand.toString()))
                .body("overrides[0].replaces", equalTo(b.toString()));
        ops().queryParam("role", "SOCIAL_WORKER").when().get("/api/v1/rotations").then().statusCode(200)
                .body("id", hasItem(rotation.toString()));
    }

    @Test
    void holesInTheRosterAreReportedAsCoverageGaps() {
        UUID day = Ops.enrol("prosecutor-day", ResponderRole.PROSECUTOR, List.of("kk"), District.ALMATY);
        UUID night = Ops.enrol("prosecutor-night", ResponderRole.PROSECUTOR, List.of("ru"), District.SARYARKA);
        Ops.shift(day, Instant.parse("2092-05-01T10:00:00Z"), Instant.parse("2092-05-01T14:00:00Z"));
        Ops.shift(day, Instant.parse("2092-05-01T13:00:00Z"), Instant.parse("2092-05-01T15:00:00Z"));
        Rotas.create(Rotas.daily("Night prosecutors", ResponderRole.PROSECUTOR, "21:00",
                Instant.parse("2092-05-01T16:00:00Z"), List.of(District.NURA), night));

        ops().queryParam("from", "2092-05-01T08:00:00Z").queryParam("to", "2092-05-01T20:00:00Z")
                .queryParam("role", "PROSECUTOR")
                .when().get("/api/v1/coverage")
                .then().statusCode(200)
                .body("gaps", hasSize(2))
                .body("gaps.start", contains("2092-05-01T08:00:00Z", "2092-05-01T15:00:00Z"))
                .body("gaps.end", contains("2092-05-01T10:00:00Z", "2092-05-01T16:00:00Z"))
                .body("gaps.role", contains("PROSECUTOR", "PROSECUTOR"));
        // NURA is covered by the rotation only, SARYARKA by the rotation's participant, ALMATY by the day shifts only
        ops().queryParam("from", "2092-05-01T08:00:00Z").queryParam("to", "2092-05-01T20:00:00Z")
                .queryParam("role", "PROSECUTOR").queryParam("district", "NURA")
                .when().get("/api/v1/coverage")
                .then().statusCode(200)
                .body("gaps.start", contains("2092-05-01T08:00:00Z"))
                .body("gaps.end", contains("2092-05-01T16:00:00Z"));
        ops().queryParam("from", "2092-05-01T08:00:00Z").queryParam("to", "2092-05-01T20:00:00Z")
                .queryParam("role", "PROSECUTOR").queryParam("district", "ALMATY")
                .when().get("/api/v1/coverage")
                .then().statusCode(200)
                .body("gaps.start", contains("2092-05-01T08:00:00Z", "2092-05-01T15:00:00Z"))
                .body("gaps.end", contains("2092-05-01T10:00:00Z", "2092-05-01T20:00:00Z"));
    }

    @Test
    void withoutRoleEveryRoleWithoutAnyoneOnCallIsReported() {
        ops().queryParam("from", "2070-01-01T00:00:00Z").queryParam("to", "2070-01-02T00:00:00Z")
                .when().get("/api/v1/coverage")
                .then().statusCode(200)
                .body("gaps.role", contains("PSYCHOLOGIST", "JUVENILE_INSPECTOR", "PROSECUTOR", "SOCIAL_WORKER",
                        "COORDINATOR"))
                .body("gaps.start", everyItem(equalTo("2070-01-01T00:00:00Z")))
                .body("gaps.end", everyItem(equalTo("2070-01-02T00:00:00Z")));
    }

    @Test
    void badCoverageQueriesNameTheParameter() {
        ops().queryParam("to", "2092-05-01T20:00:00Z").when().get("/api/v1/coverage")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("from"));
        ops().queryParam("from", "2092-05-01T20:00:00Z").queryParam("to", "tomorrow").when().get("/api/v1/coverage")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("to"));
        ops().queryParam("from", "2092-05-01T20:00:00Z").queryParam("to", "2092-05-01T08:00:00Z")
                .when().get("/api/v1/coverage")
                .then().statusCode(400).body("detail", containsString("to must be after from"));
        ops().queryParam("from", "2092-05-01T00:00:00Z").queryParam("to", "2092-06-02T00:00:00Z")
                .when().get("/api/v1/coverage")
                .then().statusCode(400).body("detail", containsString("31 days"));
        ops().queryParam("from", "2092-05-01T00:00:00Z").queryParam("to", "2092-05-02T00:00:00Z")
                .queryParam("district", "ATLANTIS").when().get("/api/v1/coverage")
                .then().statusCode(400).body("detail", containsString("district"));
    }

    @Test
    void invalidRotationsNameTheirFields() {
        ops().body(Map.of("participants", List.of())).when().post("/api/v1/rotations")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("districts", "handoff", "handoffTime", "name", "participants", "role",
                        "start"));
        UUID inspector = Ops.enrol("not-a-psy", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"), District.NURA);
        Map<String, Object> weekly = Rotas.daily("x", ResponderRole.PSYCHOLOGIST, "09:00",
                Instant.parse("2093-01-01T00:00:00Z"), List.of(District.NURA), inspector);
        weekly.put("handoff", "WEEKLY");
        ops().body(weekly).when().post("/api/v1/rotations")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", contains("handoffDay", "participants[0]"))
                .body("errors[1].message", containsString("PSYCHOLOGIST"));
        Map<String, Object> unknown = Rotas.daily("x", ResponderRole.PSYCHOLOGIST, "09:00",
                Instant.parse("2093-01-01T00:00:00Z"), List.of(District.NURA), UUID.randomUUID());
        ops().body(unknown).when().post("/api/v1/rotations")
                .then().statusCode(400).body("errors.field", contains("participants[0]"));
        unknown.put("handoffTime", "9am");
        unknown.put("participants", List.of(inspector.toString()));
        ops().body(unknown).when().post("/api/v1/rotations")
                .then().statusCode(400).body("errors.field", contains("handoffTime"));
    }

    @Test
    void invalidOverridesNameTheirFields() {
        UUID a = Ops.enrol("ov-a", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        UUID inspector = Ops.enrol("ov-inspector", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"), District.NURA);
        UUID stranger = Ops.enrol("ov-stranger", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        UUID rotation = Rotas.create(Rotas.daily("Overridden", ResponderRole.PSYCHOLOGIST, "09:00",
                Instant.parse("2094-01-01T00:00:00Z"), List.of(District.NURA), a));
        String path = "/api/v1/rotations/" + rotation + "/overrides";
        Instant start = Instant.parse("2094-01-02T00:00:00Z");
        Instant end = Instant.parse("2094-01-03T00:00:00Z");

        ops().body(Rotas.override(stranger, end, start, null)).when().post(path)
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", contains("end"));
        ops().body(Rotas.override(inspector, start, end, null)).when().post(path)
                .then().statusCode(400).body("errors.field", contains("responderId"));
        ops().body(Rotas.override(stranger, start, end, stranger)).when().post(path)
                .then().statusCode(400).body("errors.field", contains("replaces"));
        ops().body(Rotas.override(stranger, start, end, null))
                .when().post("/api/v1/rotations/" + UUID.randomUUID() + "/overrides")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        ops().when().get("/api/v1/rotations/" + rotation).then().statusCode(200).body("overrides", hasSize(0));
    }
}
