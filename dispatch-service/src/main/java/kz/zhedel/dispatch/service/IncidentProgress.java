package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.outbox.Outbox;

/** Derives an incident's status from its assignments and the roles its rule requires. */
@ApplicationScoped
public class IncidentProgress {

    private static final Set<AssignmentStatus> DONE = Set.of(AssignmentStatus.RESOLVED, AssignmentStatus.CANCELLED);

    @Inject
    Rulebook rulebook;

    @Inject
    Outbox outbox;

    @Inject
    AssignmentHistory history;

    @Inject
    Clock clock;

    /** Call after any assignment of the incident changed, in the same transaction; announces the resolution. */
    public void settle(Incident incident) {
        if (incident.status == IncidentStatus.CANCELLED) {
            return; // called off by the coordinator: its status no longer follows its assignments
        }
        List<Assignment> active = Assignment.ofIncident(incident.id).stream().filter(a -> a.status.isActive())
                .toList();
        IncidentStatus before = incident.status;
        // the coordinator's alerts are about the team, not part of it
        incident.status = status(requiredRoles(incident), active.stream().filter(a -> !a.isAlert()).toList());
        if (incident.status == IncidentStatus.RESOLVED && before != IncidentStatus.RESOLVED) {
            Instant now = clock.instant();
            // informed roles and alerts are not waited for: once the case is closed their pages are moot
            active.stream().filter(a -> !DONE.contains(a.status)).forEach(a -> {
                history.end(a, Stage.CANCELLED, null, "incident resolved", now);
            });
            outbox.record(new IncidentResolved(incident.id, now));
        }
    }

    static IncidentStatus status(Set<ResponderRole> required, List<Assignment> active) {
        if (active.isEmpty()) {
            return IncidentStatus.UNASSIGNED;
        }
        List<Assignment> answerable = active.stream().filter(a -> a.mustAcknowledge).toList();
        if (!answerable.isEmpty() && answerable.stream().allMatch(a -> DONE.contains(a.status))) {
            return IncidentStatus.RESOLVED;
        }
        Set<ResponderRole> covered = active.stream().map(a -> a.role).collect(Collectors.toSet());
        if (!covered.containsAll(required)) {
            return IncidentStatus.PARTIALLY_ASSIGNED;
        }
        return answerable.stream().anyMatch(a -> a.status == AssignmentStatus.ASSIGNED)
                ? IncidentStatus.DISPATCHED : IncidentStatus.ACKNOWLEDGED;
    }

    private Set<ResponderRole> requiredRoles(Incident incident) {
        return rulebook.of(incident).match(incident.category, incident.severity).roles()
                .stream().map(r -> r.role()).collect(Collectors.toSet());
    }
}
