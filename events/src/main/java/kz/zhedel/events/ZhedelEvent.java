package kz.zhedel.events;

import java.util.UUID;

/**
 * Every event zhedel publishes. Payloads carry identifiers and classifications only: no child names, contacts or
 * free text ever enter an event. The incident id is the Kafka key, so all events of one incident stay in order.
 */
public sealed interface ZhedelEvent permits IncidentReported, IncidentLinksChanged, IncidentDispatched, IncidentCancelled,
        IncidentUnassigned, PageRequested, AssignmentAcknowledged, AssignmentEscalated, AssignmentProgressed,
        IncidentResolved, PageDelivered, PageFailed, PageAcknowledged, PageDeclined,
        PageProgressed {

    UUID incidentId();
}
