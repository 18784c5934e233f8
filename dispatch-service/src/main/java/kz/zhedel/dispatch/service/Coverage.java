package kz.zhedel.dispatch.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.dispatch.domain.Interval;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.Rotation;
import kz.zhedel.dispatch.domain.RotationOverride;
import kz.zhedel.dispatch.domain.Shift;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

/**
 * Where the roster has holes: the stretches of [from, to) in which nobody of a role (for a district: nobody who
 * covers it, by their own districts or their rotation's) is on call, by shift or rotation.
 */
@ApplicationScoped
public class Coverage {

    public record Gap(ResponderRole role, Instant start, Instant end) {
    }

    /** Gaps of one role, or of every role when {@code role} is null; {@code district} null means any district. */
    public List<Gap> gaps(Instant from, Instant to, ResponderRole role, District district) {
        List<Gap> gaps = new ArrayList<>();
        for (ResponderRole each : role == null ? List.of(ResponderRole.values()) : List.of(role)) {
            Interval.uncovered(from, to, onCall(from, to, each, district))
                    .forEach(g -> gaps.add(new Gap(each, g.start(), g.end())));
        }
        return gaps;
    }

    private static List<Interval> onCall(Instant from, Instant to, ResponderRole role, District district) {
        Map<UUID, Responder> responders = Responder.byRole(role).stream().filter(r -> r.active)
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<Interval> covered = new ArrayList<>();
        Shift.<Shift>list("startsAt < ?2 and endsAt > ?1", from, to).stream()
                .filter(s -> responders.containsKey(s.responderId))
                .filter(s -> district == null || responders.get(s.responderId).covers(district))
                .forEach(s -> covered.add(new Interval(s.startsAt, s.endsAt)));
        for (Rotation rotation : Rotation.ofRole(role)) {
            Instant until = rotation.endsAt == null || rotation.endsAt.isAfter(to) ? to : rotation.endsAt;
            if (!until.isAfter(from)) {
                continue; // ended before the window
            }
            rotation.schedule().slots(from, until, RotationOverride.overlapping(rotation.id, from, until)).stream()
                    .filter(slot -> responders.containsKey(slot.responderId())) // a deactivated one covers nothing
                    .filter(slot -> district == null || rotation.covers(district)
                            || (responders.containsKey(slot.responderId())
                                    && responders.get(slot.responderId()).covers(district)))
                    .forEach(slot -> covered.add(new Interval(slot.start(), slot.end())));
        }
        return covered;
    }
}
