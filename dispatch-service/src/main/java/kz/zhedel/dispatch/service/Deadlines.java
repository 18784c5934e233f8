package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.config.DispatchConfig;
import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentEscalated.Cause;
import kz.zhedel.events.AssignmentEscalated.Step;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.platform.outbox.Outbox;

/**
 * The acknowledgement timer. Deadlines live in the assignment rows, so they survive restarts (an overdue one fires
 * on the next poll); each poll claims due rows with SKIP LOCKED in a short transaction, so two instances never act
 * on the same deadline. A missed deadline re-pages the responder; once the re-pages are used up the assignment
 * escalates to the next on-call responder of the role, or the duty coordinator is alerted. A page that failed on every
 * contact escalates the same way at once.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    @Inject
    Dispatcher dispatcher;

    @Inject
    CoordinatorAlerts alerts;

    @Inject
    DispatchConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "${zhedel.dispatch.deadlines.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        while (fireDue() == config.deadlines().batchSize()) {
            // a full batch: there may be more overdue right now
        }
    }

    /** Acts on up to one batch of overdue deadlines; returns how many. */
    @Transactional
    public int fireDue() {
        List<Assignment> overdue = Assignment.claimOverdue(clock.instant(), config.deadlines().batchSize());
        overdue.forEach(this::missed);
        return overdue.size();
    }

    private void missed(Assignment assignment) {
        Incident incident = Incident.findById(assignment.incidentId);
        assignment.missedDeadlines++;
        int repages = assignment.isAlert() ? config.coordinator().repeats() : config.deadlines().repages();
        String why = "not acknowledged after " + assignment.missedDeadlines + " page(s)";
        Instant now = clock.instant();
        if (assignment.missedDeadlines <= repages) {
            escalated(assignment, Step.REPAGED, now, Cause.DEADLINE_MISSED);
            dispatcher.repage(incident, assignment);
        } else {
            escalate(incident, assignment, why, now, Cause.DEADLINE_MISSED);
        }
    }

    /**
     * Every contact of the assignment's current page failed: it escalates now instead of at its deadline (next on
     * call of the role, else the coordinator is alerted; a coordinator's alert passes to the next coordinator). An
     * assignment no longer waiting for its acknowledgement (acknowledged, ended, or an exhausted alert) stays as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageFailed(Assignment assignment) {
        if (assignment.status != AssignmentStatus.ASSIGNED || assignment.isAlert() && assignment.ackDeadline == null) {
            LOG.debugf("assignment %s is %s, its failed page changes nothing", assignment.id, assignment.status);
            return;
        }
        escalate(Incident.findById(assignment.incidentId), assignment, "unreachable, every contact of the page failed",
                clock.instant(), Cause.PAGE_FAILED);
    }

    /** {@code what} went wrong with the responder: "not acknowledged after 2 page(s)", "unreachable, ...". */
    private void escalate(Incident incident, Assignment assignment, String what, Instant now, Cause cause) {
        if (assignment.isAlert() && !alerts.anotherCoordinator(incident, assignment, now)) {
            // the last resort did not answer either: the board shows the role as unassigned, nobody else to ask
            assignment.ackDeadline = null;
            assignment.statusReason = what;
            escalated(assignment, Step.EXHAUSTED, now, cause);
            outbox.record(new IncidentUnassigned(incident.id, assignment.alertRole, "duty coordinator " + what, now));
            LOG.errorf("incident %s: duty coordinator %s", incident.id, what);
            return;
        }
        String why = "escalated: " + assignment.responderId + " " + what;
        assignment.moveTo(AssignmentStatus.ESCALATED, why, now);
        escalated(assignment, Step.REASSIGNED, now, cause);
        dispatcher.replace(incident, assignment, why, cause == Cause.PAGE_FAILED
                ? CoordinatorAlert.Reason.PAGE_FAILED : CoordinatorAlert.Reason.ESCALATION_EXHAUSTED);
    }

    private void escalated(Assignment assignment, Step step, Instant at, Cause cause) {
        outbox.record(new AssignmentEscalated(assignment.incidentId, assignment.id, assignment.responderId,
                assignment.role, assignment.missedDeadlines, step, at, cause));
    }
}
