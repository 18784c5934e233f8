package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.ResponderContact;
import kz.zhedel.dispatch.domain.Shift;
import kz.zhedel.dispatch.rest.NewResponder;
import kz.zhedel.dispatch.rest.NewShift;
import kz.zhedel.dispatch.rest.ResponderChanges;
import kz.zhedel.dispatch.rest.ResponderView;
import kz.zhedel.dispatch.rest.ShiftView;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.rest.InvalidFields;

/**
 * Who can be called out, and when they are on call. Every change is audited (before and after) and announced as
 * {@link RosterChanged} in its own transaction.
 */
@ApplicationScoped
public class Roster {

    private static final Logger LOG = Logger.getLogger(Roster.class);

    @Inject
    OpsAudit audit;

    @Inject
    Event<RosterChanged> changed;

    @Inject
    Dispatcher dispatcher;

    @Inject
    AssignmentHistory history;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @Transactional
    public Responder enrol(NewResponder request) {
        Responder responder = new Responder();
        responder.id = UUID.randomUUID();
        responder.name = request.name().strip();
        responder.role = request.role();
        apply(responder, null, request.districts(), request.languages(), request.contacts());
        responder.persist();
        audit.record("responder.enrolled", "responder", responder.id, null, ResponderView.of(responder));
        changed.fire(new RosterChanged("responder.enrolled", responder.role, responder.id));
        return responder;
    }

    /** Name, districts, languages, contacts; the role never changes (400 naming it). */
    @Transactional
    public Responder edit(UUID id, ResponderChanges changes) {
        Responder responder = find(id);
        if (changes.role() != null && changes.role() != responder.role) {
            throw InvalidFields.of("role", "cannot change from " + responder.role
                    + ": rotations, shifts and assignments depend on it; enrol the person anew in the other role");
        }
        ResponderView before = ResponderView.of(responder);
        apply(responder, changes.name(), changes.districts(), changes.languages(), changes.contacts());
        audit.record("responder.edited", "responder", id, before, ResponderView.of(responder));
        changed.fire(new RosterChanged("responder.edited", responder.role, id));
        return responder;
    }

    /**
     * Never chosen again while inactive; the open assignments (assigned, acknowledged, on scene) are handed on at
     * once to the next on call of their role.
     */
    @Transactional
    public Responder deactivate(UUID id, String reason) {
        Responder responder = find(id);
        if (!responder.active) {
            throw Coordination.conflict("responder " + id + " is already deactivated");
        }
        ResponderView before = ResponderView.of(responder);
        responder.active = false;
        responder.deactivatedReason = reason.strip();
        Actor actor = actors.caller();
        Instant now = clock.instant();
        List<Assignment> open = Assignment.<Assignment>find("responderId = ?1 and status in ?2 order by assignedAt, id",
                id, Assignment.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Assignment assignment : open) {
            history.end(assignment, Stage.HANDED_ON, actor, "handed on: responder deactivated", now);
            dispatcher.replace(Incident.findById(assignment.incidentId), assignment,
                    "handed on: " + id + " deactivated");
        }
        audit.record("responder.deactivated", "responder", id, before, ResponderView.of(responder));
        changed.fire(new RosterChanged("responder.deactivated", responder.role, id));
        LOG.infof("responder %s deactivated, %d open assignment(s) handed on", id, open.size());
        return responder;
    }

    @Transactional
    public Responder activate(UUID id) {
        Responder responder = find(id);
        if (responder.active) {
            throw Coordination.conflict("responder " + id + " is active already");
        }
        ResponderView before = ResponderView.of(responder);
        responder.active = true;
        responder.deactivatedReason = null;
        audit.record("responder.activated", "responder", id, before, ResponderView.of(responder));
        changed.fire(new RosterChanged("responder.activated", responder.role, id));
        return responder;
    }

    @Transactional
    public Shift schedule(NewShift request) {
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.responderId = request.responderId();
        shift.startsAt = request.start();
        shift.endsAt = request.end();
        shift.persist();
        audit.record("shift.scheduled", "shift", shift.id, null, ShiftView.of(shift));
        changed.fire(new RosterChanged("shift.scheduled", roleOf(shift.responderId), shift.responderId));
        return shift;
    }

    /**
     * A shift not yet begun is deleted (answers null); a running one ends now (answers it); one already over is
     * history and cannot be cancelled (409).
     */
    @Transactional
    public Shift cancel(UUID shiftId) {
        Shift shift = Shift.findById(shiftId, LockModeType.PESSIMISTIC_WRITE);
        if (shift == null) {
            throw new NotFoundException("no shift " + shiftId);
        }
        Instant now = clock.instant();
        if (!shift.endsAt.isAfter(now)) {
            throw Coordination.conflict("shift " + shiftId + " ended at " + shift.endsAt + ": it is history");
        }
        ShiftView before = ShiftView.of(shift);
        Shift kept = null;
        if (shift.startsAt.isBefore(now)) {
            shift.endsAt = now;
            kept = shift;
            audit.record("shift.ended", "shift", shiftId, before, ShiftView.of(shift));
        } else {
            shift.delete();
            audit.record("shift.cancelled", "shift", shiftId, before, null);
        }
        changed.fire(new RosterChanged(kept == null ? "shift.cancelled" : "shift.ended", roleOf(shift.responderId),
                shift.responderId));
        return kept;
    }

    public static Responder find(UUID id) {
        Responder responder = Responder.findById(id);
        if (responder == null) {
            throw new NotFoundException("no responder " + id);
        }
        return responder;
    }

    /** Sets what is given; {@code null} leaves a field as it is. */
    private static void apply(Responder responder, String name, List<District> districts,
            List<Language> languages, List<NewResponder.ContactMethod> contacts) {
        if (name != null) {
            responder.name = name.strip();
        }
        if (districts != null) {
            responder.districts.clear();
            responder.districts.addAll(districts.stream().distinct().toList());
        }
        if (languages != null) {
            responder.languages.clear();
            responder.languages.addAll(languages.stream().distinct().toList());
        }
        if (contacts != null) {
            responder.contacts.clear();
            contacts.forEach(c -> responder.contacts.add(ResponderContact.of(c.channel(), c.address().strip(),
                    c.delay())));
        }
    }

    private static ResponderRole roleOf(UUID responderId) {
        return Responder.<Responder>findById(responderId).role;
    }
}
