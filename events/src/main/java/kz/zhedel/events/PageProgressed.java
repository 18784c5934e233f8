package kz.zhedel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The responder reported a step after the acknowledgement through the page's link: on scene, then resolved. Dispatch
 * applies it as the responder's own step, as if they had called its API.
 */
public record PageProgressed(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId, Stage stage,
        Instant at) implements ZhedelEvent {

    public enum Stage {
        ON_SCENE, RESOLVED
    }
}
