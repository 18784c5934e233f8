package kz.zhedel.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Dispatch asks notification to page a responder through the given contacts, in order. */
public record PageRequested(UUID incidentId, UUID pageId, UUID assignmentId, UUID responderId, Category category,
        Severity severity, District district, Language language, List<Contact> contacts, Instant requestedAt)
        implements ZhedelEvent {
}
