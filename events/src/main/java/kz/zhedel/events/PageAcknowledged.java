package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** The responder acknowledged the page (signed link, reply code or button). */
public record PageAcknowledged(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId,
        Instant acknowledgedAt) implements ZhedelEvent {
}
