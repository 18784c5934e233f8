package kz.zhedel.notification.channel;

import java.time.Instant;
import java.util.UUID;

import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;

/**
 * Everything a channel may tell a responder about a page: need to know, so ids, classification, the deadline, the
 * reply code and the acknowledgement link, never the child's name or the report's text. {@code alert}: why the duty
 * coordinator is paged (null on a team member's page).
 */
public record PageMessage(UUID pageId, UUID incidentId, UUID assignmentId, Category category, Severity severity,
        District district, Language language, Instant ackDeadline, String replyCode, String ackUrl,
        CoordinatorAlert alert) {
}
