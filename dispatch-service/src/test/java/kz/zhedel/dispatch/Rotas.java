package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Ops.ops;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhedel.dispatch.domain.RotationSchedule;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

/**
 * Rotations through the real HTTP API. Rotations never end, so each test class keeps its rotations to a role and
 * years of its own (2080 and later) where no other test is on call.
 */
final class Rotas {

    private Rotas() {
    }

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RotationSchedule.ZONE).toInstant();
    }

    static Map<String, Object> daily(String name, ResponderRole role, String handoffTime, Instant start,
            List<District> districts, UUID... participants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role.name());
        body.put("districts", districts.stream().map(Enum::name).toList());
        body.put("handoff", "DAILY");
        body.put("handoffTime", handoffTime);
        body.put("start", start.toString());
        body.put("participants", List.of(participants).stream().map(UUID::toString).toList());
        return body;
    }

    static UUID create(Map<String, Object> rotation) {
        return UUID.fromString(ops().body(rotation).when().post("/api/v1/rotations")
                .then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> override(UUID responderId, Instant start, Instant end, UUID replaces) {
        Map<String, Object> body = new HashMap<>(Map.of("responderId", responderId.toString(),
                "start", start.toString(), "end", end.toString()));
        if (replaces != null) {
            body.put("replaces", replaces.toString());
        }
        return body;
    }

    static UUID override(UUID rotation, Map<String, Object> override) {
        return UUID.fromString(ops().body(override).when().post("/api/v1/rotations/" + rotation + "/overrides")
                .then().statusCode(201).extract().path("id"));
    }
}
