package kz.zhedel.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything reporting knows of one incident, merged from events in any order: the input of its
 * {@link Contribution}. {@code failedPageChannels}: per failed page, each channel it tried ({@code UNKNOWN} while
 * dispatch's request has not arrived).
 */
public record IncidentState(UUID incidentId, Instant receivedAt, String district, String category, String severity,
        String partnerKind, String schoolId, String childKey, Instant assignedAt, Instant lastUnassignedAt,
        Instant pagedAt, Instant acknowledgedAt, Instant escalatedAt, Instant onSceneAt, Instant resolvedAt,
        Instant cancelledAt, Instant ackDeadline, boolean psychologistAcknowledged, List<String> failedPageChannels) {
}
