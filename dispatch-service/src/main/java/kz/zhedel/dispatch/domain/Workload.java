package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.Panache;

import kz.zhedel.events.Severity;

/**
 * How busy responders are: the work in their hands (assigned, acknowledged, on scene) weighted by the incident's
 * severity, and since when they have rested (the end of the last work they had taken in hand).
 */
public final class Workload {

    private Workload() {
    }

    /** A P1 weighs as much as four P4s: a responder on a P1 is the least free to take another call. */
    public static int weight(Severity severity) {
        return switch (severity) {
            case P1 -> 4;
            case P2 -> 3;
            case P3 -> 2;
            case P4 -> 1;
        };
    }

    public record Load(long open, long weighted) {
        static final Load NONE = new Load(0, 0);
    }

    /** Still in the responder's hands: paged and waiting, acknowledged and on the way, or on scene. */
    public static final List<AssignmentStatus> IN_HAND = List.of(AssignmentStatus.ASSIGNED,
            AssignmentStatus.ACKNOWLEDGED, AssignmentStatus.ON_SCENE);

    /** Load in hand per responder; responders without any are absent. */
    public static Map<UUID, Load> openLoad(Collection<UUID> responderIds) {
        Map<UUID, Load> load = new HashMap<>();
        if (responderIds.isEmpty()) {
            return load;
        }
        Panache.getEntityManager().createQuery("select a.responderId, i.severity, count(a) from Assignment a, Incident i"
                + " where i.id = a.incidentId and a.status in ?1 and a.responderId in ?2"
                + " group by a.responderId, i.severity", Object[].class)
                .setParameter(1, IN_HAND)
                .setParameter(2, responderIds)
                .getResultStream()
                .forEach(row -> load.merge((UUID) row[0],
                        new Load((Long) row[2], (Long) row[2] * weight((Severity) row[1])),
                        (a, b) -> new Load(a.open() + b.open(), a.weighted() + b.weighted())));
        return load;
    }

    public static Load of(Map<UUID, Load> load, UUID responderId) {
        return load.getOrDefault(responderId, Load.NONE);
    }

    /**
     * When each responder's last work in hand ended (an assignment they had acknowledged was resolved, cancelled,
     * declined or handed on); responders who never finished any work are absent (rested longest). A page they never
     * acknowledged (declined at once, escalated) is no work.
     */
    public static Map<UUID, Instant> lastWorkEnded(Collection<UUID> responderIds) {
        if (responderIds.isEmpty()) {
            return Map.of();
        }
        return Panache.getEntityManager().createQuery("select a.responderId, max(a.endedAt) from Assignment a"
                + " where a.responderId in ?1 and a.endedAt is not null and a.acknowledgedAt is not null"
                + " group by a.responderId", Object[].class)
                .setParameter(1, responderIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Instant) row[1]));
    }
}
