package kz.zhedel.reporting.board;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One name in the assign form: an active responder of the role, on call now ({@code via} how) or not. Those on call
 * come first, then by name.
 */
public record ResponderChoice(UUID id, String name, String via) {

    public boolean onCall() {
        return via != null;
    }

    static List<ResponderChoice> of(List<DispatchRoster.Responder> responders, List<DispatchRoster.OnCall> onCall) {
        Map<UUID, String> via = onCall.stream()
                .collect(Collectors.toMap(DispatchRoster.OnCall::responderId, DispatchRoster.OnCall::via, (a, b) -> a));
        return responders.stream().filter(DispatchRoster.Responder::active)
                .map(r -> new ResponderChoice(r.id(), r.name(), via.get(r.id())))
                .sorted(Comparator.comparing((ResponderChoice c) -> !c.onCall()).thenComparing(ResponderChoice::name))
                .toList();
    }
}
