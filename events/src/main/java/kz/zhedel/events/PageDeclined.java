package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The responder declined the page (signed link, reply code or button); dispatch reassigns. {@code reason} is a
 * fixed code such as {@code DECLINED_BY_LINK}, never the responder's words.
 */
public record PageDeclined(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId, String reason,
        Instant declinedAt) implements ZhedelEvent {
}
