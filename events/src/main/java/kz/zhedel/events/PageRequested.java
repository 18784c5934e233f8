package kz.zhedel.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Dispatch asks notification to page a responder through the given contacts, in order. {@code language} is the
 * page's (the child's if the responder speaks it), {@code responderLanguage} the responder's first listed language,
 * which the page's texts are written in. {@code ackDeadline}: when dispatch escalates if nobody acknowledged (null
 * when the assignment needs no acknowledgement). {@code alert}: why the duty coordinator is paged, on a
 * coordinator's page only (null otherwise); the page's texts say it. {@code role}: the role the responder is asked
 * for, and {@code linkedIncidents}: how many earlier incidents intake linked to the same child (a count only), both
 * shown on the responder's page; null in requests written before they existed.
 */
public record PageRequested(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId, Category category,
        Severity severity, District district, Language language, Language responderLanguage, List<Contact> contacts,
        Instant requestedAt, Instant ackDeadline, CoordinatorAlert alert, ResponderRole role,
        Integer linkedIncidents) implements ZhedelEvent {

    /** A request without the role and the linked count, as written before they existed. */
    public PageRequested(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId, Category category,
            Severity severity, District district, Language language, Language responderLanguage,
            List<Contact> contacts, Instant requestedAt, Instant ackDeadline, CoordinatorAlert alert) {
        this(incidentId, pageId, assignmentId, responderId, category, severity, district, language,
                responderLanguage, contacts, requestedAt, ackDeadline, alert, null, null);
    }
}
