package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** A page reached the responder's channel. */
public record PageDelivered(UUID incidentId, UUID pageId, UUID assignmentId, Channel channel, Instant deliveredAt)
        implements ZhedelEvent {
}
