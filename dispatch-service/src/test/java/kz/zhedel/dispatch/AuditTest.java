package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;
import static kz.zhedel.dispatch.Ops.ops;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;

/** Every roster change through the API leaves an audit entry: who, when, what, before and after. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AuditTest {

    @Inject
    MovableClock clock;

    @Test
    void creatingRespondersShiftsRotationsAndOverridesIsAudited() {
        Instant now = clock.travelTo(Instant.parse("2199-01-01T10:00:00Z"));
        UUID responder = Ops.enrol("audited-psy", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        ops().queryParam("entity", "responder").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].entityId", equalTo(responder.toString()))
                .body("[0].action", equalTo("responder.enrolled"))
                .body("[0].actor", equalTo("ops"))
                .body("[0].before", nullValue())
                .body("[0].after.name", equalTo("audited-psy"))
                .body("[0].after.districts", equalTo(List.of("NURA")))
                .body("entity", everyItem(equalTo("responder")));

        UUID shift = Ops.shift(responder, now, now.plusSeconds(3600));
        ops().queryParam("entity", "shift").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].entityId", equalTo(shift.toString()))
                .body("[0].action", equalTo("shift.scheduled"))
                .body("[0].after.responderId", equalTo(responder.toString()))
                .body("[0].after.start", equalTo(now.toString()));

        UUID rotation = Rotas.create(Rotas.daily("Audited", ResponderRole.PSYCHOLOGIST, "09:00",
                Instant.parse("2199-01-01T00:00:00Z"), List.of(District.NURA), responder));
        UUID override = Rotas.override(rotation, Rotas.override(responder, Instant.parse("2199-01-02T00:00:00Z"),
                Instant.parse("2199-01-02T06:00:00Z"), null));
        ops().queryParam("entity", "rotation").queryParam("limit", 2).when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("entityId", everyItem(equalTo(rotation.toString())))
                .body("action", equalTo(List.of("rotation.overridden", "rotation.created")))
                .body("[0].before.overrides", hasSize(0))
                .body("[0].after.overrides[0].id", equalTo(override.toString()))
                .body("[1].before", nullValue())
                .body("[1].after.name", equalTo("Audited"))
                .body("[1].after.handoffTime", startsWith("09:00"));

        // newest first across kinds: the override is the latest change (no other test travels this far)
        ops().when().get("/api/v1/audit").then().statusCode(200).body("[0].action", equalTo("rotation.overridden"));
    }

    @Test
    void theAuditIsForOpsAndItsFiltersAreChecked() {
        given().auth().oauth2("key-a").when().get("/api/v1/audit").then().statusCode(403);
        ops().queryParam("limit", "0").when().get("/api/v1/audit")
                .then().statusCode(400).body("detail", containsString("limit"));
    }
}
