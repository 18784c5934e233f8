package kz.zhedel.dispatch.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.config.DispatchConfig;
import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.TeamRules;
import kz.zhedel.events.ResponderRole;

/**
 * Incidents waiting for a role ({@code UNASSIGNED}, {@code PARTIALLY_ASSIGNED}: a required role without an active
 * assignment; coordinator alerts do not count) are assigned as soon as someone covering the role is on call: right
 * after every roster change commits, and by a timer that also catches shifts and rotations starting later. Each pass
 * claims the waiting incidents in batches with SKIP LOCKED, so two instances never assign the same role twice.
 * Responders already tried in the role on the incident (declined, escalated) are not asked again.
 */
@ApplicationScoped
public class WaitingRoles {

    private static final Logger LOG = Logger.getLogger(WaitingRoles.class);

    @Inject
    Dispatcher dispatcher;

    @Inject
    OnCall onCall;

    @Inject
    Rulebook rulebook;

    @Inject
    IncidentProgress progress;

    @Inject
    CoordinatorAlerts alerts;

    @Inject
    DispatchConfig config;

    /** A claimed batch: how many incidents, the last id, and how many roles got assigned. */
    record Batch(int claimed, UUID last, int assigned) {
    }

    @Scheduled(every = "${zhedel.dispatch.waiting.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        retry(null);
    }

    /** Someone may have come on call: the waiting incidents are tried once the change is committed. */
    void rosterChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RosterChanged change) {
        if (config.waiting().onRosterChange()) {
            retry(change.role());
        }
    }

    /**
     * Tries every waiting incident for {@code role} (null: every role), each batch in a transaction of its own;
     * returns how many assignments were made. Call it after any change that can put someone on call (e.g. a
     * responder re-activated) if it does not fire {@link RosterChanged}.
     */
    public int retry(ResponderRole role) {
        int assigned = 0;
        UUID after = null;
        Batch batch;
        do {
            UUID from = after;
            batch = QuarkusTransaction.requiringNew().call(() -> retryBatch(from, role));
            assigned += batch.assigned();
            after = batch.last();
        } while (batch.claimed() == config.waiting().batchSize());
        return assigned;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Batch retryBatch(UUID after, ResponderRole role) {
        List<Incident> waiting = Incident.claimWaiting(after, config.waiting().batchSize());
        Instant now = dispatcher.now();
        int assigned = 0;
        for (Incident incident : waiting) {
            assigned += retry(incident, role, now);
        }
        return new Batch(waiting.size(), waiting.isEmpty() ? after : waiting.get(waiting.size() - 1).id, assigned);
    }

    private int retry(Incident incident, ResponderRole only, Instant now) {
        Set<ResponderRole> covered = Assignment.ofIncident(incident.id).stream()
                .filter(a -> a.status.isActive() && !a.isAlert()).map(a -> a.role).collect(Collectors.toSet());
        int assigned = 0;
        for (TeamRules.RoleRule required : rulebook.of(incident).match(incident.category, incident.severity)
                .roles()) {
            ResponderRole role = required.role();
            if (covered.contains(role) || only != null && only != role) {
                continue;
            }
            Optional<Candidate> choice = onCall.choose(role, incident.district, incident.childLanguage, now,
                    Assignment.triedInRole(incident.id, role));
            if (choice.isPresent()) {
                dispatcher.assign(incident, role, required.mustAcknowledge(), choice.get().responder(),
                        "retried: " + role + " was waiting; now "
                                + choice.get().reason(incident.district, incident.childLanguage), now);
                alerts.roleCovered(incident, role, now);
                assigned++;
            }
        }
        if (assigned > 0) {
            progress.settle(incident);
            LOG.infof("incident %s: %d waiting role(s) assigned", incident.id, assigned);
        }
        return assigned;
    }
}
