package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/** Every contact method of the page was tried and none took it. */
public record PageFailed(UUID incidentId, UUID pageId, UUID assignmentId, String reason, Instant failedAt)
        implements ZhedelEvent {
}
