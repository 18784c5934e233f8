package kz.zhedel.dispatch.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.Rotation;
import kz.zhedel.dispatch.domain.RotationOverride;
import kz.zhedel.dispatch.domain.RotationSchedule;
import kz.zhedel.dispatch.domain.Workload;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/**
 * Finds the best responder of a role on call at a moment, for an incident's district and child's language. On call
 * means on a shift, or whose turn it is in a rotation of the role (overrides applied).
 */
@ApplicationScoped
public class OnCall {

    /** How a responder is on call; a rotation also covers its own districts. */
    record OnDuty(UUID responderId, String via, List<District> districts) {
    }

    public Optional<Candidate> choose(ResponderRole role, District district, Language language, Instant at) {
        return choose(role, district, language, at, Set.of());
    }

    /** As above, leaving out {@code excluded} responders (e.g. those who already declined or hold another role). */
    public Optional<Candidate> choose(ResponderRole role, District district, Language language, Instant at,
            Set<UUID> excluded) {
        Map<UUID, OnDuty> duties = new LinkedHashMap<>();
        for (OnDuty duty : duties(role, at)) {
            if (!excluded.contains(duty.responderId())) {
                // one duty per responder: the first that covers the district, else the first found
                duties.merge(duty.responderId(), duty, (kept, other) ->
                        !kept.districts().contains(district) && other.districts().contains(district) ? other : kept);
            }
        }
        if (duties.isEmpty()) {
            return Optional.empty();
        }
        List<Responder> responders = Responder.list("id in ?1 and role = ?2 and active = true",
                duties.keySet(), role);
        List<UUID> ids = responders.stream().map(r -> r.id).toList();
        Map<UUID, Workload.Load> load = Workload.openLoad(ids);
        Map<UUID, Instant> lastEnded = Workload.lastWorkEnded(ids);
        return responders.stream().map(r -> {
            OnDuty duty = duties.get(r.id);
            Workload.Load current = Workload.of(load, r.id);
            // someone with work in hand is not resting at all, whatever they finished before
            Instant restingSince = current.open() > 0 ? at : lastEnded.get(r.id);
            return new Candidate(r, duty.via(), r.covers(district) || duty.districts().contains(district),
                    r.speaks(language), current.open(), current.weighted(), restingSince, at);
        }).min(Candidate.PREFERENCE);
    }

    /**
     * The active responders of the role on call at t, each once, with how they are on call ("on shift", "on call via
     * rotation 'Night psychologists'"), in the order {@link #duties} finds them.
     */
    public Map<UUID, String> onCall(ResponderRole role, Instant at) {
        Map<UUID, String> via = new LinkedHashMap<>();
        duties(role, at).forEach(duty -> via.putIfAbsent(duty.responderId(), duty.via()));
        if (!via.isEmpty()) {
            Set<UUID> active = Responder.<Responder>list("id in ?1 and active = true", via.keySet()).stream()
                    .map(r -> r.id).collect(Collectors.toSet());
            via.keySet().retainAll(active);
        }
        return via;
    }

    /** Everyone of the role on call at t: shifts first, then rotation turns. */
    List<OnDuty> duties(ResponderRole role, Instant at) {
        List<OnDuty> duties = new ArrayList<>();
        Responder.onShift(role, at).forEach(r -> duties.add(new OnDuty(r.id, "on shift", List.of())));
        for (Rotation rotation : Rotation.ofRole(role)) {
            if (!rotation.runsAt(at)) {
                continue;
            }
            RotationSchedule schedule = rotation.schedule();
            schedule.onCall(at, RotationOverride.overlapping(rotation.id, at, at.plusNanos(1)))
                    .ifPresent(duty -> duties.add(new OnDuty(duty.responderId(),
                            (duty.covering() ? "covering rotation '" : "on call via rotation '") + rotation.name + "'",
                            List.copyOf(rotation.districts))));
        }
        return duties;
    }
}
