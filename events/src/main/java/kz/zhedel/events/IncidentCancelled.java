package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** A false or duplicate report: its open assignments were called off (each an {@link AssignmentProgressed}). */
public record IncidentCancelled(UUID incidentId, CancelReason reason, Actor actor, Instant cancelledAt)
        implements ZhedelEvent {
}
