package kz.zhedel.dispatch.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/** Finds the best responder of a role on shift at a moment, for an incident's district and child's language. */
@ApplicationScoped
public class OnCall {

    public Optional<Candidate> choose(ResponderRole role, District district, Language language, Instant at) {
        return choose(role, district, language, at, Set.of());
    }

    /** As above, leaving out {@code excluded} responders (e.g. those who already declined or hold another role). */
    public Optional<Candidate> choose(ResponderRole role, District district, Language language, Instant at,
            Set<UUID> excluded) {
        List<Responder> onShift = Responder.onShift(role, at).stream().filter(r -> !excluded.contains(r.id)).toList();
        Map<UUID, Long> open = Assignment.openCounts(onShift.stream().map(r -> r.id).toList());
        return onShift.stream()
                .map(r -> new Candidate(r, r.covers(district), r.speaks(language), open.getOrDefault(r.id, 0L)))
                .min(Candidate.PREFERENCE);
    }
}
