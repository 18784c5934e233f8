package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus.Action;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageProgressed;

/** Applies what notification-service reports about pages to the assignments they were sent for. */
@ApplicationScoped
public class PageReports {

    private static final Logger LOG = Logger.getLogger(PageReports.class);

    @Inject
    Lifecycle lifecycle;

    @Inject
    Deadlines deadlines;

    @Inject
    Clock clock;

    @Inject
    ResponseTimes responseTimes;

    /** The first acknowledgement of an open assignment counts; repeated or late ones change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(PageAcknowledged ack) {
        Assignment assignment = assignment(ack.incidentId(), ack.assignmentId());
        lifecycle.acknowledge(assignment, at(ack.acknowledgedAt()), Actors.responder(assignment.responderId));
    }

    /**
     * The responder declined through the page (link, SMS reply, Telegram button): the same decline as through the
     * API, which reassigns. A decline of an assignment that has moved on (resolved, declined already) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(PageDeclined report) {
        Assignment assignment = assignment(report.incidentId(), report.assignmentId());
        if (!Action.DECLINE.allowedFrom(assignment.status)) {
            LOG.debugf("assignment %s is %s, page decline ignored", assignment.id, assignment.status);
            return;
        }
        lifecycle.act(assignment.id, Action.DECLINE, "declined through the page: " + report.reason(),
                Actors.responder(assignment.responderId));
    }

    /**
     * The responder reported on scene or resolved through the page's link: the same step as through the API, taken
     * by the responder. A step the assignment is past (taken through the API already, or the assignment ended)
     * changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressed(PageProgressed report) {
        Assignment assignment = assignment(report.incidentId(), report.assignmentId());
        Action action = report.stage() == PageProgressed.Stage.ON_SCENE ? Action.ON_SCENE : Action.RESOLVE;
        if (!action.allowedFrom(assignment.status)) {
            LOG.debugf("assignment %s is %s, page %s ignored", assignment.id, assignment.status, report.stage());
            return;
        }
        lifecycle.act(assignment.id, action, "reported through the page", Actors.responder(assignment.responderId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(PageDelivered report) {
        Assignment assignment = assignment(report.incidentId(), report.assignmentId());
        boolean first = Assignment.ofIncident(report.incidentId()).stream()
                .noneMatch(a -> a.pageStatus == PageStatus.DELIVERED);
        assignment.pageReached(report.pageId(), PageStatus.DELIVERED, at(report.deliveredAt()));
        if (first && assignment.pageStatus == PageStatus.DELIVERED) {
            responseTimes.firstPageDelivered(Incident.findById(report.incidentId()), assignment.pageStatusAt);
        }
    }

    /** Every contact of the page failed: if it is the assignment's current page, the assignment escalates now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(PageFailed report) {
        Assignment assignment = assignment(report.incidentId(), report.assignmentId());
        assignment.pageReached(report.pageId(), PageStatus.FAILED, at(report.failedAt()));
        if (report.pageId() != null && report.pageId().equals(assignment.pageId)) {
            deadlines.pageFailed(assignment);
        } else {
            LOG.debugf("assignment %s: failure of an earlier page %s changes nothing", assignment.id,
                    report.pageId());
        }
    }

    /**
     * When it happened, at the precision PostgreSQL keeps, so that events and rows agree: the time another service
     * reported may be finer than that (its event is input), the clock is not.
     */
    private Instant at(Instant reported) {
        return reported != null ? reported.truncatedTo(ChronoUnit.MICROS) : clock.instant();
    }

    /** Pages exist only for assignments made here: a report about any other cannot be applied, ever. */
    private static Assignment assignment(UUID incidentId, UUID assignmentId) {
        Assignment assignment = assignmentId == null ? null : Assignment.lockedOf(incidentId, assignmentId);
        if (assignment == null) {
            throw new MalformedEventException("no assignment " + assignmentId + " of incident " + incidentId);
        }
        return assignment;
    }
}
