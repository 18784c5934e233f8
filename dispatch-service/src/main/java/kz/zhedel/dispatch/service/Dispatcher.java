package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.AssignmentStep;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.TeamRules;
import kz.zhedel.events.Actor;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.outbox.Outbox;

/**
 * Composes the team for a reported incident by the current team rules: one assignment and page per required role.
 * A role with nobody on call is announced as unassigned while the others are still dispatched: an incident is never
 * silently dropped: it waits for someone to come on call, and the duty coordinator is alerted. Also replaces a
 * responder who declined, did not acknowledge in time or could not be reached.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    OnCall onCall;

    @Inject
    Rulebook rulebook;

    @Inject
    IncidentProgress progress;

    @Inject
    CoordinatorAlerts alerts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatch(IncidentReported reported) {
        requireComplete(reported);
        if (Incident.findById(reported.incidentId()) != null) {
            // The same report under another event id (e.g. re-sent by intake): it was dispatched already.
            LOG.debugf("incident %s already taken in", reported.incidentId());
            return;
        }
        Instant now = now();
        Rulebook.Versioned rules = rulebook.latest();
        Incident incident = Incident.of(reported, IncidentStatus.UNASSIGNED, rules.version());
        incident.persist();
        for (TeamRules.RoleRule required : rules.rules().match(incident.category, incident.severity).roles()) {
            Optional<Candidate> choice = onCall.choose(required.role(), incident.district, incident.childLanguage,
                    now);
            if (choice.isPresent()) {
                assign(incident, required.role(), required.mustAcknowledge(), choice.get().responder(),
                        choice.get().reason(incident.district, incident.childLanguage), now);
            } else {
                String nobody = "no " + required.role() + " on shift at " + now;
                unassigned(incident, required.role(), nobody, now);
                alerts.raise(incident, required.role(), CoordinatorAlert.Reason.NOBODY_ON_CALL, nobody, now);
            }
        }
        progress.settle(incident);
    }

    /** The coordinator confirmed or split a same-child link in intake: the incident's count follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linksChanged(IncidentLinksChanged changed) {
        Incident incident = Incident.findById(changed.incidentId());
        if (incident == null) {
            throw new MalformedEventException("links changed for incident " + changed.incidentId()
                    + ", which dispatch never took in");
        }
        incident.linkedIncidents = changed.linkedIncidents();
    }

    /**
     * Asks the next on-call responder of the role in place of one who declined, did not acknowledge in time or was
     * handed on; responders already tried on this incident are not asked again. When nobody is left the role waits
     * ({@code IncidentUnassigned}, retried by {@link WaitingRoles}) and the duty coordinator is alerted: escalation
     * exhausted for an escalated assignment, nobody on call otherwise. A coordinator's alert passes to the next
     * coordinator instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Incident incident, Assignment replaced, String why) {
        replace(incident, replaced, why, replaced.status == AssignmentStatus.ESCALATED
                ? CoordinatorAlert.Reason.ESCALATION_EXHAUSTED : CoordinatorAlert.Reason.NOBODY_ON_CALL);
    }

    /** As above, alerting the coordinator for {@code ifNobodyLeft} when the role has nobody left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Incident incident, Assignment replaced, String why, CoordinatorAlert.Reason ifNobodyLeft) {
        Instant now = now();
        if (replaced.isAlert()) {
            alerts.handOn(incident, replaced, why, now);
            return;
        }
        Optional<Candidate> next = onCall.choose(replaced.role, incident.district, incident.childLanguage, now,
                Assignment.triedInRole(incident.id, replaced.role));
        if (next.isPresent()) {
            assign(incident, replaced.role, replaced.mustAcknowledge, next.get().responder(),
                    why + "; next " + next.get().reason(incident.district, incident.childLanguage), now);
        } else {
            String nobody = why + "; no other " + replaced.role + " on call";
            unassigned(incident, replaced.role, nobody, now);
            alerts.raise(incident, replaced.role, ifNobodyLeft, nobody, now);
        }
        progress.settle(incident);
    }

    /** Pages the same responder again for the same assignment, under a new page id, with a new deadline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repage(Incident incident, Assignment assignment) {
        Instant now = now();
        assignment.ackDeadline = deadline(incident, now);
        page(incident, assignment, Responder.findById(assignment.responderId), now);
        LOG.infof("incident %s: assignment %s re-paged after %d missed deadline(s)", incident.id, assignment.id,
                assignment.missedDeadlines);
    }

    /**
     * Assigns and pages the responder a coordinator or ops named, on call or not; {@code comment}, their own words,
     * stays in the assignment's history and never enters an event. The role is covered again: the coordinator's
     * alerts about it are called off.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment assignNamed(Incident incident, ResponderRole role, boolean mustAcknowledge, Responder responder,
            Actor actor, String comment) {
        Instant now = now();
        Assignment assignment = assign(incident, role, mustAcknowledge, responder,
                "assigned by " + actor.role() + " " + actor.subject(), now, null, actor, comment);
        alerts.roleCovered(incident, role, now);
        progress.settle(incident);
        return assignment;
    }

    void assign(Incident incident, ResponderRole role, boolean mustAcknowledge, Responder responder,
            String reason, Instant now) {
        assign(incident, role, mustAcknowledge, responder, reason, now, null, null, null);
    }

    /**
     * Assigns and pages; with an {@code alert}, the responder is the duty coordinator alerted about a role;
     * {@code actor} null: the system chose.
     */
    Assignment assign(Incident incident, ResponderRole role, boolean mustAcknowledge, Responder responder,
            String reason, Instant now, CoordinatorAlert alert, Actor actor, String comment) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.incidentId = incident.id;
        assignment.responderId = responder.id;
        assignment.role = role;
        assignment.status = AssignmentStatus.ASSIGNED;
        assignment.reason = reason;
        assignment.assignedAt = now;
        assignment.mustAcknowledge = mustAcknowledge;
        assignment.ackDeadline = mustAcknowledge ? deadline(incident, now) : null;
        if (alert != null) {
            assignment.alertReason = alert.reason();
            assignment.alertRole = alert.role();
        }
        assignment.persist();
        outbox.record(new IncidentDispatched(incident.id, assignment.id, responder.id, role, reason, now, actor));
        AssignmentStep.record(assignment, AssignmentStep.Kind.ASSIGNED, actor, now, comment);
        page(incident, assignment, responder, now);
        LOG.infof("incident %s: %s %s assigned (%s)", incident.id, role, responder.id, reason);
        return assignment;
    }

    private void page(Incident incident, Assignment assignment, Responder responder, Instant now) {
        assignment.pageId = UUID.randomUUID();
        assignment.pageStatus = PageStatus.REQUESTED;
        assignment.pageStatusAt = now;
        outbox.record(new PageRequested(incident.id, assignment.pageId, assignment.id, responder.id,
                incident.category, incident.severity, incident.district,
                responder.pageLanguage(incident.childLanguage), responder.languages.get(0), responder.contactList(),
                now, assignment.ackDeadline, assignment.alert(), assignment.role, incident.linkedIncidents));
    }

    private void unassigned(Incident incident, ResponderRole role, String reason, Instant now) {
        outbox.record(new IncidentUnassigned(incident.id, role, reason, now));
        LOG.warnf("incident %s: %s unassigned: %s", incident.id, role, reason);
    }

    private Instant deadline(Incident incident, Instant now) {
        return now.plus(rulebook.of(incident).ackDeadline(incident.severity));
    }

    /** The clock ticks in microseconds, as PostgreSQL keeps them: events carry instants exactly as rows store them. */
    Instant now() {
        return clock.instant();
    }

    /** Fields dispatch cannot decide without; a report lacking them goes to the dead-letter topic. */
    private static void requireComplete(IncidentReported reported) {
        List<String> missing = new ArrayList<>();
        if (reported.category() == null) {
            missing.add("category");
        }
        if (reported.severity() == null) {
            missing.add("severity");
        }
        if (reported.district() == null) {
            missing.add("district");
        }
        if (reported.childLanguage() == null) {
            missing.add("childLanguage");
        }
        if (reported.receivedAt() == null) {
            missing.add("receivedAt");
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("IncidentReported " + reported.incidentId() + " without " + missing);
        }
    }
}
