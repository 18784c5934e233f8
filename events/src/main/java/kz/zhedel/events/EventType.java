package kz.zhedel.events;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of each event, and the topic it travels on. */
public enum EventType {
    INCIDENT_REPORTED("kz.zhedel.incident.reported.v1", Topics.INCIDENTS, IncidentReported.class),
    INCIDENT_LINKS_CHANGED("kz.zhedel.incident.links-changed.v1", Topics.INCIDENTS, IncidentLinksChanged.class),
    INCIDENT_DISPATCHED("kz.zhedel.incident.dispatched.v1", Topics.DISPATCH, IncidentDispatched.class),
    INCIDENT_UNASSIGNED("kz.zhedel.incident.unassigned.v1", Topics.DISPATCH, IncidentUnassigned.class),
    PAGE_REQUESTED("kz.zhedel.page.requested.v1", Topics.DISPATCH, PageRequested.class),
    ASSIGNMENT_ACKNOWLEDGED("kz.zhedel.assignment.acknowledged.v1", Topics.DISPATCH, AssignmentAcknowledged.class),
    ASSIGNMENT_ESCALATED("kz.zhedel.assignment.escalated.v1", Topics.DISPATCH, AssignmentEscalated.class),
    ASSIGNMENT_PROGRESSED("kz.zhedel.assignment.progressed.v1", Topics.DISPATCH, AssignmentProgressed.class),
    INCIDENT_CANCELLED("kz.zhedel.incident.cancelled.v1", Topics.DISPATCH, IncidentCancelled.class),
    INCIDENT_RESOLVED("kz.zhedel.incident.resolved.v1", Topics.DISPATCH, IncidentResolved.class),
    PAGE_DELIVERED("kz.zhedel.page.delivered.v1", Topics.NOTIFICATIONS, PageDelivered.class),
    PAGE_FAILED("kz.zhedel.page.failed.v1", Topics.NOTIFICATIONS, PageFailed.class),
    PAGE_ACKNOWLEDGED("kz.zhedel.page.acknowledged.v1", Topics.NOTIFICATIONS, PageAcknowledged.class),
    PAGE_DECLINED("kz.zhedel.page.declined.v1", Topics.NOTIFICATIONS, PageDeclined.class),
    PAGE_PROGRESSED("kz.zhedel.page.progressed.v1", Topics.NOTIFICATIONS, PageProgressed.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends ZhedelEvent> payload;

    EventType(String ceType, String topic, Class<? extends ZhedelEvent> payload) {
        this.ceType = ceType;
        this.topic = topic;
        this.payload = payload;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ZhedelEvent> payload() {
        return payload;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(ZhedelEvent event) {
        return Arrays.stream(values()).filter(t -> t.payload == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unregistered event " + event.getClass()));
    }
}
