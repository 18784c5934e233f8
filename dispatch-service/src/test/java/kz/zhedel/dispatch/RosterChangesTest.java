package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.contact;
import static kz.zhedel.dispatch.Ops.PROBLEM;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import kz.zhedel.dispatch.service.RosterChanged;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** Responders edited and deactivated, shifts cancelled, rotations ended, overrides removed: each audited. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RosterChangesTest {

    /** Collects the RosterChanged events the application fires. */
    @Singleton
    static class Changes {
        final List<RosterChanged> seen = new CopyOnWriteArrayList<>();

        void on(@Observes RosterChanged changed) {
            seen.add(changed);
        }
    }

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    Changes changes;



    /** The audit trail of one kind, which other tests write to as well: pick entries with {@link #latest}. */
    static io.restassured.response.ValidatableResponse audit(String entity) {
        return ops().queryParam("entity", entity).queryParam("limit", 1000).when().get("/api/v1/audit")
                .then().statusCode(200);
    }

    /** The path of the newest audit entry about one entity (other tests travel further in time). */
    static String latest(Object entityId, String field) {
        return "findAll { it.entityId == '" + entityId + "' }[0]." + field;
    }

    @Test
    void editsAResponderPartiallyAndAuditsBeforeAndAfter() {
        UUID id = Ops.enrol("edit-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        ops().body(Map.of("name", "edit-psy renamed", "languages", List.of("ru", "kk"),
                "contacts", List.of(contact("SMS", "+7 701 000 0002"))))
                .when().patch("/api/v1/responders/" + id)
                .then().statusCode(200)
                .body("name", equalTo("edit-psy renamed"))
                .body("languages", contains("ru", "kk"))
                .body("districts", contains("NURA"))
                .body("contacts.channel", contains("SMS"));
        audit("responder")
                .body(latest(id, "action"), equalTo("responder.edited"))
                .body(latest(id, "entityId"), equalTo(id.toString()))
                .body(latest(id, "actor"), equalTo("ops"))
                .body(latest(id, "before.name"), equalTo("edit-psy"))
                .body(latest(id, "before.contacts[0].channel"), equalTo("WEBHOOK"))
                .body(latest(id, "after.name"), equalTo("edit-psy renamed"))
                .body(latest(id, "after.languages"), contains("ru", "kk"));
        assertTrue(changes.seen.contains(new RosterChanged("responder.edited", ResponderRole.PSYCHOLOGIST, id)));

        ops().body(Map.of("role", "PROSECUTOR")).when().patch("/api/v1/responders/" + id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("enrol the person anew"));
        ops().body(Map.of("districts", List.of())).when().patch("/api/v1/responders/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("districts"));
        ops().body(Map.of("name", " ")).when().patch("/api/v1/responders/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        ops().body(Map.of("name", "x")).when().patch("/api/v1/responders/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        ops().when().get("/api/v1/responders/" + id).then().body("name", equalTo("edit-psy renamed"));
    }

    @Test
    void deactivationHandsOnAtOnceAndTheResponderIsNeverChosenWhileInactive() {
        Instant now = clock.travelTo(Instant.parse("2161-04-01T02:00:00Z"));
        UUID leaving = Ops.enrol("deact-leaving", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        UUID staying = Ops.enrol("deact-staying", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY);
        Ops.shift(leaving, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(6)));
        IncidentReported first = reported(now, District.ALMATY, Language.KK);
        Kafka.send(first);
        PageRequested page = dispatch.awaitOnly(first.incidentId(), PageRequested.class);
        assertEquals(leaving, page.responderId());
        Ops.shift(staying, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(6)));
        Coordinators.responder(leaving).body("{}").when()
                .post("/api/v1/assignments/" + page.assignmentId() + "/acknowledge").then().statusCode(200);

        ops().body(Map.of("reason", "left the group")).when().post("/api/v1/responders/" + leaving + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false))
                .body("deactivatedReason", equalTo("left the group"));

        AssignmentProgressed handedOn = dispatch.awaitOnly(first.incidentId(), AssignmentProgressed.class);
        assertEquals(Stage.HANDED_ON, handedOn.stage());
        assertEquals(new Actor("ops", "ops"), handedOn.actor());
        List<IncidentDispatched> dispatched = dispatch.awaitEvents(first.incidentId(), IncidentDispatched.class, 2);
        assertEquals(staying, dispatched.get(1).responderId());
        assertTrue(dispatched.get(1).reason().startsWith("handed on: " + leaving + " deactivated"),
                dispatched.get(1).reason());
        ops().when().get("/api/v1/incidents/" + first.incidentId()).then().statusCode(200)
                .body("assignments.status", contains("HANDED_ON", "ASSIGNED"));
        audit("responder").body(latest(leaving, "action"), equalTo("responder.deactivated"))
                .body(latest(leaving, "before.active"), equalTo(true))
                .body(latest(leaving, "after.active"), equalTo(false));

        // still on shift and lighter loaded than the one staying, yet never chosen while inactive
        IncidentReported next = reported(now.plusSeconds(60), District.ALMATY, Language.KK);
        Kafka.send(next);
        assertEquals(staying, dispatch.awaitOnly(next.incidentId(), PageRequested.class).responderId());
        ops().body(Map.of("reason", "again")).when().post("/api/v1/responders/" + leaving + "/deactivate")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already deactivated"));
        ops().body("{}").when().post("/api/v1/responders/" + leaving + "/deactivate")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));

        ops().when().post("/api/v1/responders/" + leaving + "/activate")
                .then().statusCode(200).body("active", equalTo(true)).body("deactivatedReason", nullValue());
        ops().when().post("/api/v1/responders/" + leaving + "/activate")
                .then().statusCode(409).contentType(PROBLEM);
        audit("responder").body(latest(leaving, "action"), equalTo("responder.activated"));
        IncidentReported back = reported(now.plusSeconds(120), District.ALMATY, Language.KK);
        Kafka.send(back);
        assertEquals(leaving, dispatch.awaitOnly(back.incidentId(), PageRequested.class).responderId(),
                "back on the roster, and the lightest loaded");
        assertTrue(changes.seen.containsAll(List.of(
                new RosterChanged("responder.deactivated", ResponderRole.PSYCHOLOGIST, leaving),
                new RosterChanged("responder.activated", ResponderRole.PSYCHOLOGIST, leaving))));
    }

    @Test
    void aShiftNotBegunIsCancelledARunningOneEndsNowAndAnEndedOneIsHistory() {
        Instant now = clock.travelTo(Instant.parse("2162-05-01T02:00:00Z"));
        UUID psychologist = Ops.enrol("shift-cancel-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        UUID future = Ops.shift(psychologist, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        UUID running = Ops.shift(psychologist, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        UUID past = Ops.shift(psychologist, now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)));

        ops().when().delete("/api/v1/shifts/" + future).then().statusCode(204);
        ops().when().get("/api/v1/shifts/" + future).then().statusCode(404);
        audit("shift").body(latest(future, "action"), equalTo("shift.cancelled"))
                .body(latest(future, "entityId"), equalTo(future.toString()))
                .body(latest(future, "before.responderId"), equalTo(psychologist.toString()))
                .body(latest(future, "after"), nullValue());

        ops().when().delete("/api/v1/shifts/" + running).then().statusCode(200)
                .body("end", startsWith("2162-05-01T02:00"));
        audit("shift").body(latest(running, "action"), equalTo("shift.ended"))
                .body(latest(running, "before.end"), equalTo(now.plus(Duration.ofHours(1)).toString()));
        IncidentReported report = reported(now.plusSeconds(30), District.NURA, Language.KK);
        Kafka.send(report);
        dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);

        ops().when().delete("/api/v1/shifts/" + past).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("history"));
        ops().when().delete("/api/v1/shifts/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        assertTrue(changes.seen.contains(new RosterChanged("shift.cancelled", ResponderRole.PSYCHOLOGIST,
                psychologist)));
    }

    @Test
    void anEndedRotationPutsNobodyOnCallAndCoverageShowsTheGap() {
        // social workers of ALMATY: no other rotation covers them (RotationTest's covers YESIL)
        clock.travelTo(Instant.parse("2165-02-26T00:00:00Z"));
        UUID a = Ops.enrol("end-sw-a", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.ALMATY);
        UUID b = Ops.enrol("end-sw-b", ResponderRole.SOCIAL_WORKER, List.of("kk"), District.ALMATY);
        UUID rotation = Rotas.create(Rotas.daily("Ending", ResponderRole.SOCIAL_WORKER, "09:00",
                Instant.parse("2165-02-20T00:00:00Z"), List.of(District.ALMATY), a, b));
        UUID override = Rotas.override(rotation, Rotas.override(b, Instant.parse("2165-02-27T00:00:00Z"),
                Instant.parse("2165-02-28T00:00:00Z"), null));
        Instant end = Instant.parse("2165-03-01T00:00:00Z");

        ops().body(Map.of("at", "2165-02-25T00:00:00Z")).when().post("/api/v1/rotations/" + rotation + "/end")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("at"));
        ops().body(Map.of("at", end.toString())).when().post("/api/v1/rotations/" + rotation + "/end")
                .then().statusCode(200).body("end", equalTo(end.toString()));
        audit("rotation").body(latest(rotation, "action"), equalTo("rotation.ended"))
                .body(latest(rotation, "before.end"), nullValue())
                .body(latest(rotation, "after.end"), equalTo(end.toString()));
        ops().body(Map.of("at", end.toString())).when().post("/api/v1/rotations/" + rotation + "/end")
                .then().statusCode(409).contentType(PROBLEM);
        ops().queryParam("from", "2165-02-28T00:00:00Z").queryParam("to", "2165-03-03T00:00:00Z")
                .queryParam("role", "SOCIAL_WORKER").queryParam("district", "ALMATY")
                .when().get("/api/v1/coverage")
                .then().statusCode(200)
                .body("gaps", hasSize(1))
                .body("gaps[0].start", equalTo(end.toString()))
                .body("gaps[0].end", equalTo("2165-03-03T00:00:00Z"));

        ops().when().delete("/api/v1/rotations/" + rotation + "/overrides/" + override).then().statusCode(204);
        ops().when().get("/api/v1/rotations/" + rotation).then().statusCode(200).body("overrides", hasSize(0));
        audit("rotation").body(latest(rotation, "action"), equalTo("rotation.override-removed"))
                .body(latest(rotation, "before.overrides[0].id"), equalTo(override.toString()))
                .body(latest(rotation, "after.overrides"), hasSize(0));
        ops().when().delete("/api/v1/rotations/" + rotation + "/overrides/" + override).then().statusCode(404)
                .contentType(PROBLEM);
        assertTrue(changes.seen.containsAll(List.of(
                new RosterChanged("rotation.created", ResponderRole.SOCIAL_WORKER, null),
                new RosterChanged("rotation.overridden", ResponderRole.SOCIAL_WORKER, b),
                new RosterChanged("rotation.ended", ResponderRole.SOCIAL_WORKER, null),
                new RosterChanged("rotation.override-removed", ResponderRole.SOCIAL_WORKER, b))));
    }
}
