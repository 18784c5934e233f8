package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.AssignmentStatus.Action;
import kz.zhedel.dispatch.domain.AssignmentStep;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.platform.outbox.Outbox;

/**
 * A responder's steps on an assignment: acknowledge, decline, on scene, resolve. A decline is replaced at once by
 * the next on-call responder of the role; every step settles the incident's status.
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    private static final Map<Action, Stage> STAGES = Map.of(Action.DECLINE, Stage.DECLINED,
            Action.ON_SCENE, Stage.ON_SCENE, Action.RESOLVE, Stage.RESOLVED);

    @Inject
    Dispatcher dispatcher;

    @Inject
    IncidentProgress progress;

    @Inject
    Outbox outbox;

    @Inject
    ResponseTimes responseTimes;

    @Inject
    AssignmentHistory history;

    @Inject
    Clock clock;

    /**
     * Applies the action or answers 409 naming the current status; {@code reason} stays in dispatch's database;
     * {@code actor} (the responder, or ops on their behalf) is announced and kept with the step.
     */
    @Transactional
    public Assignment act(UUID assignmentId, Action action, String reason, Actor actor) {
        Assignment assignment = Assignment.findById(assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw new NotFoundException("no assignment " + assignmentId);
        }
        if (!action.allowedFrom(assignment.status)) {
            throw new ClientErrorException("assignment " + assignmentId + " is " + assignment.status + ": cannot "
                    + action.name().toLowerCase(Locale.ROOT).replace('_', '-'), Status.CONFLICT);
        }
        if (action == Action.ACKNOWLEDGE) {
            acknowledge(assignment, clock.instant(), actor);
            assignment.statusReason = reason;
            return assignment;
        }
        Instant now = clock.instant();
        assignment.moveTo(action.target, reason, now);
        history.progressed(assignment, STAGES.get(action), actor, now);
        Incident incident = Incident.findById(assignment.incidentId);
        if (action == Action.DECLINE) {
            // the responder's words stay here: events carry no free text
            dispatcher.replace(incident, assignment, "reassigned: " + assignment.responderId + " declined");
        } else {
            progress.settle(incident);
        }
        LOG.infof("assignment %s: %s", assignment.id, assignment.status);
        return assignment;
    }

    /**
     * The first acknowledgement of an open assignment counts and stops its timer; later ones change nothing.
     * {@code actor}: the responder (through the API or the page), or ops on their behalf; {@code at} in microseconds
     * (the clock's, or a reported time {@link PageReports} truncated), as the row keeps it and the event announces it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(Assignment assignment, Instant at, Actor actor) {
        if (assignment.status != AssignmentStatus.ASSIGNED) {
            LOG.debugf("assignment %s is %s, acknowledgement ignored", assignment.id, assignment.status);
            return;
        }
        assignment.acknowledgedAt = at;
        assignment.moveTo(AssignmentStatus.ACKNOWLEDGED, null, assignment.acknowledgedAt);
        Incident incident = Incident.findById(assignment.incidentId);
        progress.settle(incident);
        responseTimes.acknowledged(incident, assignment.acknowledgedAt);
        outbox.record(new AssignmentAcknowledged(assignment.incidentId, assignment.id, assignment.responderId,
                assignment.acknowledgedAt, actor));
        AssignmentStep.record(assignment, AssignmentStep.Kind.ACKNOWLEDGED, actor, assignment.acknowledgedAt, null);
    }
}
