package kz.zhedel.dispatch.service;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.config.DispatchConfig;
import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.outbox.Outbox;

/**
 * The duty coordinator's safety net. An alert is an assignment of role {@code COORDINATOR} (with the reason and the
 * role it is about), paged like any other through the coordinator's own contacts and with its own acknowledgement
 * deadline and re-pages. Who is alerted: the best coordinator on call (shifts, rotations, overrides), else the
 * configured fallback; an alert not answered passes to the next coordinator, then the fallback. One alert per
 * (incident, role, reason) is open at a time; it never covers the role it is about.
 */
@ApplicationScoped
public class CoordinatorAlerts {

    private static final Logger LOG = Logger.getLogger(CoordinatorAlerts.class);

    @Inject
    OnCall onCall;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DispatchConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AssignmentHistory history;

    /** Alerts the duty coordinator about the role, unless an alert for the same reason is still open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(Incident incident, ResponderRole role, CoordinatorAlert.Reason reason, String why,
            Instant now) {
        if (!Assignment.openAlerts(incident.id, role, reason).isEmpty()) {
            LOG.debugf("incident %s: the coordinator's %s alert for %s is open already", incident.id, reason, role);
            return;
        }
        CoordinatorAlert alert = new CoordinatorAlert(reason, role);
        if (!alert(incident, alert, Set.of(), why, now)) {
            LOG.errorf("incident %s: %s for %s and no duty coordinator to alert (none on call, none configured)",
                    incident.id, reason, role);
        }
    }

    /**
     * The alerted coordinator did not answer (or declined, or could not be reached): the next coordinator on call,
     * then the fallback. With nobody left the role is announced unassigned once more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOn(Incident incident, Assignment replaced, String why, Instant now) {
        if (!alert(incident, replaced.alert(), tried(incident, replaced), why, now)) {
            outbox.record(new IncidentUnassigned(incident.id, replaced.alertRole,
                    why + "; no other duty coordinator to alert", now));
            LOG.errorf("incident %s: %s; no other duty coordinator to alert", incident.id, why);
        }
    }

    /** Whether another coordinator (or the fallback) is left to alert in place of this alert's coordinator. */
    public boolean anotherCoordinator(Incident incident, Assignment alert, Instant now) {
        return next(incident, tried(incident, alert), now).isPresent();
    }

    /** The role is covered again: the coordinator's open alerts about it are called off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roleCovered(Incident incident, ResponderRole role, Instant now) {
        for (Assignment alert : Assignment.openAlerts(incident.id, role, null)) {
            history.end(alert, Stage.CANCELLED, null, role + " assigned", now);
            LOG.infof("incident %s: coordinator's %s alert for %s called off", incident.id, alert.alertReason, role);
        }
    }

    private boolean alert(Incident incident, CoordinatorAlert alert, Set<UUID> tried, String why, Instant now) {
        Optional<Chosen> next = next(incident, tried, now);
        next.ifPresent(chosen -> dispatcher.assign(incident, ResponderRole.COORDINATOR, true, chosen.responder(),
                why + "; duty coordinator alerted (" + alert.reason() + " for " + alert.role() + "), "
                        + chosen.reason(), now, alert, null, null));
        return next.isPresent();
    }

    private record Chosen(Responder responder, String reason) {
    }

    private Optional<Chosen> next(Incident incident, Set<UUID> tried, Instant now) {
        Optional<Chosen> onDuty = onCall.choose(ResponderRole.COORDINATOR, incident.district,
                incident.childLanguage, now, tried).map(c -> new Chosen(c.responder(),
                        c.reason(incident.district, incident.childLanguage)));
        if (onDuty.isPresent()) {
            return onDuty;
        }
        return config.coordinator().responderId().filter(id -> !tried.contains(id))
                .map(id -> Responder.<Responder>findById(id)).filter(r -> r.active)
                .map(r -> new Chosen(r, "no coordinator on call: the configured duty coordinator"));
    }

    private static Set<UUID> tried(Incident incident, Assignment alert) {
        return Assignment.alertedFor(incident.id, alert.alertRole, alert.alertReason);
    }
}
