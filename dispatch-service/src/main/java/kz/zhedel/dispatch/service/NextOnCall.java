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

/**
 * The best on-call responder of a role other than those already tried on the incident, by the same preference as
 * {@link OnCall}. To be folded into an {@code OnCall.choose(..., excluded)} overload.
 */
@ApplicationScoped
public class NextOnCall {

    public Optional<Candidate> choose(ResponderRole role, District district, Language language, Instant at,
            Set<UUID> excluded) {
        List<Responder> onShift = Responder.onShift(role, at).stream().filter(r -> !excluded.contains(r.id))
                .toList();
        Map<UUID, Long> open = Assignment.openCounts(onShift.stream().map(r -> r.id).toList());
        return onShift.stream()
                .map(r -> new Candidate(r, r.covers(district), r.speaks(language), open.getOrDefault(r.id, 0L)))
                .min(Candidate.PREFERENCE);
    }
}
