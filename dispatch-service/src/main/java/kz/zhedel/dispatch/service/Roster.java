package kz.zhedel.dispatch.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.ResponderContact;
import kz.zhedel.dispatch.domain.Shift;
import kz.zhedel.dispatch.rest.NewResponder;
import kz.zhedel.dispatch.rest.NewShift;
import kz.zhedel.dispatch.rest.ResponderView;
import kz.zhedel.dispatch.rest.ShiftView;

/** Who can be called out, and when they are on call. */
@ApplicationScoped
public class Roster {

    @Inject
    OpsAudit audit;

    @Inject
    Event<RosterChanged> rosterChanged;

    @Transactional
    public Responder enrol(NewResponder request) {
        Responder responder = new Responder();
        responder.id = UUID.randomUUID();
        responder.name = request.name().strip();
        responder.role = request.role();
        responder.districts.addAll(request.districts().stream().distinct().toList());
        responder.languages.addAll(request.languages().stream().distinct().toList());
        request.contacts().forEach(c -> responder.contacts.add(ResponderContact.of(c.channel(), c.address().strip(),
                c.delay())));
        responder.persist();
        audit.record("responder.enrolled", "responder", responder.id, null, ResponderView.of(responder));
        rosterChanged.fire(new RosterChanged("responder.enrolled", responder.role, responder.id));
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
        Responder responder = Responder.findById(shift.responderId);
        rosterChanged.fire(new RosterChanged("shift.scheduled", responder == null ? null : responder.role,
                shift.responderId));
        return shift;
    }
}
