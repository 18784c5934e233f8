package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
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
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentNote;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.rest.Cancellation;
import kz.zhedel.dispatch.rest.NewAssignment;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.outbox.Outbox;
import kz.zhedel.platform.rest.InvalidFields;

/**
 * What the duty coordinator (or ops) does by hand on an incident: name a responder beside the team or instead of
 * one, cancel a false or duplicate report, keep notes. Their own words stay in dispatch, sealed; events carry only
 * who acted.
 */
@ApplicationScoped
public class Coordination {

    private static final Logger LOG = Logger.getLogger(Coordination.class);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Rulebook rulebook;

    @Inject
    AssignmentHistory history;

    @Inject
    Actors actors;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Assigns and pages the named responder; with {@code replaces}, that assignment is handed on to them. */
    @Transactional
    public Assignment assign(UUID incidentId, NewAssignment request) {
        Incident incident = open(incidentId, "assign to");
        Responder responder = Responder.findById(request.responderId());
        if (!responder.active) {
            throw conflict("responder " + responder.id + " is deactivated: re-activate them first");
        }
        if (Assignment.count("incidentId = ?1 and responderId = ?2 and status in ?3", incidentId, responder.id,
                Assignment.OPEN) > 0) {
            throw conflict("responder " + responder.id + " is already on incident " + incidentId);
        }
        Assignment replaced = request.replaces() == null ? null : replaced(incidentId, request.replaces());
        ResponderRole role = request.role() != null ? request.role()
                : replaced != null ? replaced.role : responder.role;
        if (role == ResponderRole.COORDINATOR) {
            throw InvalidFields.of("role", "COORDINATOR is not a team role: name the role the responder is to cover");
        }
        if (role != responder.role && responder.role != ResponderRole.COORDINATOR) {
            // only the duty coordinator stands in for another role; a prosecutor is no psychologist
            throw InvalidFields.of("role", "responder " + responder.id + " is a " + responder.role + ", not a " + role);
        }
        Actor actor = actors.caller();
        if (replaced != null) {
            history.end(replaced, Stage.HANDED_ON, actor, "handed on to " + responder.id, now());
        }
        boolean mustAcknowledge = replaced != null ? replaced.mustAcknowledge : mustAcknowledge(incident, role);
        Assignment assignment = dispatcher.assignNamed(incident, role, mustAcknowledge, responder, actor,
                request.reason().strip());
        LOG.infof("incident %s: %s %s assigned by %s %s%s", incidentId, role, responder.id, actor.role(),
                actor.subject(), replaced == null ? "" : " instead of assignment " + replaced.id);
        return assignment;
    }

    /** Calls off every open assignment (their pages are withdrawn) and closes the incident for good. */
    @Transactional
    public Incident cancel(UUID incidentId, Cancellation request) {
        Incident incident = open(incidentId, "cancel");
        Actor actor = actors.caller();
        Instant now = now();
        Assignment.ofIncident(incidentId).stream().filter(a -> a.status.isOpen())
                .forEach(a -> history.end(a, Stage.CANCELLED, actor, "incident cancelled", now));
        incident.status = IncidentStatus.CANCELLED;
        incident.cancelReason = request.reason();
        incident.cancelComment = request.comment() == null || request.comment().isBlank() ? null
                : request.comment().strip();
        incident.cancelledAt = now;
        incident.cancelledBy = actor.role() + " " + actor.subject();
        outbox.record(new IncidentCancelled(incidentId, request.reason(), actor, now));
        LOG.infof("incident %s cancelled (%s) by %s %s", incidentId, request.reason(), actor.role(), actor.subject());
        return incident;
    }

    @Transactional
    public IncidentNote note(UUID incidentId, String text) {
        find(incidentId);
        IncidentNote note = IncidentNote.of(incidentId, actors.caller(), now(), text.strip());
        note.persist();
        return note; // the text is never logged
    }

    public static Incident find(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw new NotFoundException("no incident " + incidentId + " in dispatch");
        }
        return incident;
    }

    /** The incident, locked, provided it is neither resolved nor cancelled. */
    private static Incident open(UUID incidentId, String what) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw new NotFoundException("no incident " + incidentId + " in dispatch");
        }
        if (incident.status.isClosed()) {
            throw conflict("incident " + incidentId + " is " + incident.status + ": cannot " + what + " it");
        }
        return incident;
    }

    private static Assignment replaced(UUID incidentId, UUID assignmentId) {
        Assignment replaced = Assignment.lockedOf(incidentId, assignmentId);
        if (replaced == null) {
            throw InvalidFields.of("replaces", "is not an assignment of incident " + incidentId);
        }
        if (!replaced.status.isOpen()) {
            throw conflict("assignment " + assignmentId + " is " + replaced.status + ": nothing to hand on");
        }
        return replaced;
    }

    /** As the incident's rule says for the role; a role the rule does not name is added to be acknowledged. */
    private boolean mustAcknowledge(Incident incident, ResponderRole role) {
        return rulebook.of(incident).match(incident.category, incident.severity).roles().stream()
                .filter(r -> r.role() == role).findFirst().map(r -> r.mustAcknowledge()).orElse(true);
    }

    static ClientErrorException conflict(String message) {
        return new ClientErrorException(message, Status.CONFLICT);
    }

    private Instant now() {
        return clock.instant();
    }
}
