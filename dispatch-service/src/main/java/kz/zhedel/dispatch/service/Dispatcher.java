package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.PageStatus;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.outbox.Outbox;

/**
 * Takes in a reported incident and assigns the psychologist who assists the child at every call-out, or, when
 * nobody is on shift, marks the incident unassigned and says so: an incident is never silently dropped.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    OnCall onCall;

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
        // PostgreSQL keeps microseconds: the events carry the instants exactly as the rows store them.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ResponderRole role = ResponderRole.PSYCHOLOGIST;
        Optional<Candidate> choice = onCall.choose(role, reported.district(), reported.childLanguage(), now);
        if (choice.isEmpty()) {
            Incident.of(reported, IncidentStatus.UNASSIGNED).persist();
            String reason = "no " + role + " on shift at " + now;
            outbox.record(new IncidentUnassigned(reported.incidentId(), role, reason, now));
            LOG.warnf("incident %s unassigned: %s", reported.incidentId(), reason);
            return;
        }
        Incident incident = Incident.of(reported, IncidentStatus.DISPATCHED);
        incident.persist();
        assign(incident, role, choice.get(), now);
    }

    private void assign(Incident incident, ResponderRole role, Candidate candidate, Instant now) {
        Responder responder = candidate.responder();
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.incidentId = incident.id;
        assignment.responderId = responder.id;
        assignment.role = role;
        assignment.status = AssignmentStatus.ASSIGNED;
        assignment.reason = candidate.reason(incident.district, incident.childLanguage);
        assignment.assignedAt = now;
        assignment.pageId = UUID.randomUUID();
        assignment.pageStatus = PageStatus.REQUESTED;
        assignment.pageStatusAt = now;
        assignment.persist();
        outbox.record(new IncidentDispatched(incident.id, assignment.id, responder.id, role, assignment.reason, now));
        outbox.record(new PageRequested(incident.id, assignment.pageId, assignment.id, responder.id,
                incident.category, incident.severity, incident.district,
                responder.pageLanguage(incident.childLanguage), responder.contactList(), now));
        LOG.infof("incident %s: %s %s assigned (%s)", incident.id, role, responder.id, assignment.reason);
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
