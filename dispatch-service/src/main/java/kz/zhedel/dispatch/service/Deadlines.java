package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import kz.zhedel.events.AssignmentEscalated.Step;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.platform.outbox.Outbox;

/**
 * The acknowledgement timer. Deadlines live in the assignment rows, so they survive restarts (an overdue one fires
 * on the next poll); each poll claims due rows with SKIP LOCKED in a short transaction, so two instances never act
 * on the same deadline. A missed deadline re-pages the responder; once the re-pages are used up the assignment
 * escalates to the next on-call responder of the role, or to the duty coordinator.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    @Inject
    Dispatcher dispatcher;

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
        boolean coordinator = config.coordinator().responderId().filter(assignment.responderId::equals).isPresent();
        int repages = coordinator ? config.coordinator().repeats() : config.deadlines().repages();
        String why = "not acknowledged after " + assignment.missedDeadlines + " page(s)";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (assignment.missedDeadlines <= repages) {
            escalated(assignment, Step.REPAGED, now);
            dispatcher.repage(incident, assignment);
        } else if (coordinator) {
            // the last resort did not answer either: the board shows the role as unassigned, nobody else to ask
            assignment.ackDeadline = null;
            assignment.statusReason = why;
            escalated(assignment, Step.EXHAUSTED, now);
            outbox.record(new IncidentUnassigned(incident.id, assignment.role, "duty coordinator " + why, now));
            LOG.errorf("incident %s: duty coordinator %s", incident.id, why);
        } else {
            assignment.moveTo(AssignmentStatus.ESCALATED, why);
            escalated(assignment, Step.REASSIGNED, now);
            dispatcher.replace(incident, assignment, "escalated: " + assignment.responderId + " " + why);
        }
    }

    private void escalated(Assignment assignment, Step step, Instant at) {
        outbox.record(new AssignmentEscalated(assignment.incidentId, assignment.id, assignment.responderId,
                assignment.role, assignment.missedDeadlines, step, at, null));
    }
}
