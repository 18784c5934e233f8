package kz.zhedel.intake.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.service.Disclosure;
import kz.zhedel.intake.service.Retention;
import kz.zhedel.intake.service.Timeline;
import kz.zhedel.platform.inbox.EventInbox;

/**
 * Turns dispatch and notification events into timeline steps, and keeps which responders were assigned to each
 * incident (they may read its personal data).
 */
@ApplicationScoped
public class TimelineConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    Timeline timeline;

    @Inject
    Disclosure disclosure;

    @Inject
    Retention retention;

    @Incoming("dispatch")
    @Blocking
    public CompletionStage<Void> fromDispatch(KafkaRecordBatch<String, String> batch) {
        return inbox.handleEach(batch, this::apply);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> fromNotification(KafkaRecordBatch<String, String> batch) {
        return inbox.handleEach(batch, this::apply);
    }

    private static String escalationDetail(AssignmentEscalated e) {
        boolean failed = e.cause() == AssignmentEscalated.Cause.PAGE_FAILED;
        return (e.role() == ResponderRole.COORDINATOR ? "duty coordinator" : e.role()) + switch (e.step()) {
            case REPAGED -> " re-paged: not acknowledged in time";
            case REASSIGNED -> failed ? " escalated: could not be reached on any contact"
                    : " escalated: not acknowledged after " + e.missedDeadlines() + " pages";
            case EXHAUSTED -> " escalation exhausted: the duty coordinator did not acknowledge either";
        };
    }

    void apply(ZhedelEvent event) {
        if (event instanceof IncidentDispatched e && e.role() == ResponderRole.COORDINATOR) {
            // not a member of the team: the centre's duty coordinator, told that the team needs them
            timeline.record(e.incidentId(), IncidentStatus.COORDINATOR_ALERTED, e.assignedAt(),
                    "the duty coordinator of the Psychological Support Centre was alerted");
            disclosure.assigned(e.incidentId(), e.responderId(), e.assignedAt());
        } else if (event instanceof IncidentDispatched e) {
            timeline.record(e.incidentId(), IncidentStatus.DISPATCHED, e.assignedAt(),
                    e.role() + " assigned" + Acting.by(e.actor(), e.role()));
            disclosure.assigned(e.incidentId(), e.responderId(), e.assignedAt());
        } else if (event instanceof AssignmentEscalated e) {
            timeline.record(e.incidentId(), IncidentStatus.ESCALATED, e.escalatedAt(), escalationDetail(e));
        } else if (event instanceof AssignmentProgressed e) {
            progressed(e);
        } else if (event instanceof IncidentResolved e) {
            retention.closed(e.incidentId(), e.resolvedAt()); // the retention period of its personal data starts
        } else if (event instanceof IncidentUnassigned e) {
            timeline.record(e.incidentId(), IncidentStatus.UNASSIGNED, e.at(), e.reason());
        } else if (event instanceof PageDelivered e) {
            timeline.record(e.incidentId(), IncidentStatus.PAGED, e.deliveredAt(), "paged by " + e.channel());
        } else if (event instanceof PageFailed e) {
            timeline.record(e.incidentId(), IncidentStatus.PAGE_FAILED, e.failedAt(), "page failed");
        } else if (event instanceof AssignmentAcknowledged e) {
            timeline.record(e.incidentId(), IncidentStatus.ACKNOWLEDGED, e.acknowledgedAt(),
                    "acknowledged" + Acting.by(e.actor(), null));
        } else if (event instanceof IncidentCancelled e) {
            // the retention period of its personal data starts, as for a resolved one
            retention.closed(e.incidentId(), IncidentStatus.CANCELLED, e.cancelledAt(),
                    "cancelled: " + e.reason() + Acting.by(e.actor(), null));
        }
    }

    /** A called-off role is implied by the resolution or cancellation that follows it: no step of its own. */
    private void progressed(AssignmentProgressed e) {
        String by = Acting.by(e.actor(), e.role());
        switch (e.stage()) {
            case DECLINED -> timeline.record(e.incidentId(), IncidentStatus.DECLINED, e.at(),
                    e.role() + " declined" + by);
            case ON_SCENE -> timeline.record(e.incidentId(), IncidentStatus.ON_SCENE, e.at(),
                    e.role() + " on scene" + by);
            case RESOLVED -> timeline.record(e.incidentId(), IncidentStatus.ROLE_RESOLVED, e.at(),
                    e.role() + " done" + by);
            case HANDED_ON -> timeline.record(e.incidentId(), IncidentStatus.HANDED_ON, e.at(),
                    e.role() + " handed on" + by);
            case CANCELLED -> {
            }
        }
    }
}
