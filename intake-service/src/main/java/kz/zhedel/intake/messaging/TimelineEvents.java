package kz.zhedel.intake.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.service.Disclosure;
import kz.zhedel.intake.service.Timeline;
import kz.zhedel.platform.inbox.EventInbox;

/**
 * Turns dispatch and notification events into timeline steps, and keeps which responders were assigned to each
 * incident (they may read its personal data).
 */
@ApplicationScoped
public class TimelineEvents {

    @Inject
    EventInbox inbox;

    @Inject
    Timeline timeline;

    @Inject
    Disclosure disclosure;

    @Incoming("dispatch")
    @Blocking
    public CompletionStage<Void> fromDispatch(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> fromNotification(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    /** Says whether the team was dispatched, or a member replaced after a missed deadline or a decline. */
    private static String assignedDetail(IncidentDispatched e) {
        String reason = e.reason() == null ? "" : e.reason();
        if (reason.startsWith("escalated")) {
            return e.role() + " escalated: the previous one did not acknowledge in time";
        }
        if (reason.startsWith("reassigned")) {
            return e.role() + " reassigned: the previous one declined";
        }
        return e.role() + " assigned";
    }

    void apply(ZhedelEvent event) {
        if (event instanceof IncidentDispatched e) {
            timeline.record(e.incidentId(), IncidentStatus.DISPATCHED, e.assignedAt(), assignedDetail(e));
            disclosure.assigned(e.incidentId(), e.responderId(), e.assignedAt());
        } else if (event instanceof IncidentUnassigned e) {
            timeline.record(e.incidentId(), IncidentStatus.UNASSIGNED, e.at(), e.reason());
        } else if (event instanceof PageDelivered e) {
            timeline.record(e.incidentId(), IncidentStatus.PAGED, e.deliveredAt(), "paged by " + e.channel());
        } else if (event instanceof PageFailed e) {
            timeline.record(e.incidentId(), IncidentStatus.PAGE_FAILED, e.failedAt(), "page failed");
        } else if (event instanceof AssignmentAcknowledged e) {
            timeline.record(e.incidentId(), IncidentStatus.ACKNOWLEDGED, e.acknowledgedAt(), "acknowledged");
        }
    }
}
