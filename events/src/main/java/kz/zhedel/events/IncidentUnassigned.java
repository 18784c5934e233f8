package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** Nobody with the required role is on call: the incident stays visible, waiting for a coordinator. */
public record IncidentUnassigned(UUID incidentId, ResponderRole role, String reason, Instant at)
        implements ZhedelEvent {
}
