package kz.zhedel.notification.channel;

import java.util.UUID;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;

/**
 * Everything a channel may tell a responder: need to know, so ids, classification and the acknowledgement link,
 * never the child's name or the report's text. {@code language} lets text channels pick kk or ru.
 */
public record PageMessage(UUID pageId, UUID incidentId, UUID assignmentId, Category category, Severity severity,
        District district, Language language, String ackUrl) {
}
