package kz.zhedel.reporting.messaging;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.inbox.EventInbox;
import kz.zhedel.reporting.board.BoardFacts;
import kz.zhedel.reporting.domain.Milestone;
import kz.zhedel.reporting.service.IncidentCounts;
import kz.zhedel.reporting.service.IncidentFacts;

/** Feeds every service's events into the incident facts. */
@ApplicationScoped
public class IncidentEvents {

    @Inject
    EventInbox inbox;

    @Inject
    IncidentFacts facts;

    @Inject
    IncidentCounts counts;

    @Inject
    BoardFacts board;

    @Incoming("incidents")
    @Blocking
    public CompletionStage<Void> fromIntake(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, this::apply);
    }

    @Incoming("dispatch")
    @Blocking
    public CompletionStage<Void> fromDispatch(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, this::apply);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> fromNotification(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, this::apply);
    }

    /**
     * A batch of events (the channels consume batches, in one transaction with their inbox rows): each event is merged into the incident's facts, then the incident's contribution to the statistics is counted
     * again (see {@link IncidentCounts}). PageAcknowledged is ignored because
     * dispatch answers it with AssignmentAcknowledged, the authoritative acknowledgement of the assignment. The duty
     * coordinator's alerts (role {@code COORDINATOR}) are not the incident being assigned, paged, acknowledged or
     * escalated: their assignment ids are remembered so that their page reports do not count either.
     */
    void apply(List<ZhedelEvent> events) {
        // Merges are order-independent, so they run in incident order: concurrent batches of the three channels
        // then lock incident rows in one order and do not deadlock. Each incident is counted again once per batch.
        Set<java.util.UUID> incidents = new LinkedHashSet<>();
        events.stream().sorted(Comparator.comparing(ZhedelEvent::incidentId)).forEach(event -> {
            merge(event);
            board.apply(event);
            incidents.add(event.incidentId());
        });
        counts.recount(incidents);
    }

    private void merge(ZhedelEvent event) {
        if (event instanceof IncidentReported e) {
            facts.reported(e);
        } else if (event instanceof IncidentDispatched e) {
            facts.assigned(e.incidentId(), e.assignmentId(), e.role(), e.assignedAt());
        } else if (event instanceof IncidentUnassigned e) {
            facts.reached(e.incidentId(), Milestone.UNASSIGNED, e.at());
        } else if (event instanceof PageDelivered e) {
            facts.reachedByAssignment(e.incidentId(), e.assignmentId(), Milestone.PAGED, e.deliveredAt());
        } else if (event instanceof PageRequested e) {
            facts.pageRequested(e);
        } else if (event instanceof PageFailed e) {
            facts.reachedByAssignment(e.incidentId(), e.assignmentId(), Milestone.PAGE_FAILED, e.failedAt());
            facts.pageFailed(e.incidentId(), e.pageId(), e.failedAt());
        } else if (event instanceof AssignmentAcknowledged e) {
            facts.reachedByAssignment(e.incidentId(), e.assignmentId(), Milestone.ACKNOWLEDGED, e.acknowledgedAt());
        } else if (event instanceof AssignmentEscalated e && e.role() != ResponderRole.COORDINATOR) {
            facts.reached(e.incidentId(), Milestone.ESCALATED, e.escalatedAt());
        } else if (event instanceof AssignmentProgressed e && e.stage() == AssignmentProgressed.Stage.ON_SCENE
                && e.role() != ResponderRole.COORDINATOR) {
            facts.reached(e.incidentId(), Milestone.ON_SCENE, e.at());
        } else if (event instanceof IncidentResolved e) {
            facts.reached(e.incidentId(), Milestone.RESOLVED, e.resolvedAt());
        } else if (event instanceof IncidentCancelled e) {
            facts.reached(e.incidentId(), Milestone.CANCELLED, e.cancelledAt());
        }
    }
}
