package kz.zhedel.notification.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.notification.domain.TeamRole;
import kz.zhedel.notification.domain.TeamRole.State;

/**
 * Follows what each incident's team looks like from dispatch's events, so that a responder's page can show the
 * other roles: covered or waiting, acknowledged, on scene, done. The duty coordinator's alerts are not the team.
 */
@ApplicationScoped
public class Teams {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ZhedelEvent event) {
        if (event instanceof IncidentDispatched dispatched && dispatched.role() != ResponderRole.COORDINATOR) {
            TeamRole.cover(dispatched.incidentId(), dispatched.role(), dispatched.assignmentId(), State.ASSIGNED,
                    at(dispatched.assignedAt()));
        } else if (event instanceof IncidentUnassigned unassigned
                && unassigned.role() != ResponderRole.COORDINATOR) {
            TeamRole.cover(unassigned.incidentId(), unassigned.role(), null, State.WAITING, at(unassigned.at()));
        } else if (event instanceof AssignmentAcknowledged acknowledged) {
            TeamRole.moved(acknowledged.assignmentId(), State.ACKNOWLEDGED, at(acknowledged.acknowledgedAt()));
        } else if (event instanceof AssignmentProgressed progressed) {
            TeamRole.moved(progressed.assignmentId(), state(progressed.stage()), at(progressed.at()));
        } else if (event instanceof AssignmentEscalated escalated
                && escalated.step() == AssignmentEscalated.Step.REASSIGNED) {
            TeamRole.moved(escalated.assignmentId(), State.WAITING, at(escalated.escalatedAt()));
        }
    }

    /** A declined or handed-on assignment leaves its role waiting until dispatch's replacement covers it. */
    private static State state(AssignmentProgressed.Stage stage) {
        return switch (stage) {
            case ON_SCENE -> State.ON_SCENE;
            case RESOLVED -> State.RESOLVED;
            case CANCELLED -> State.CANCELLED;
            case DECLINED, HANDED_ON -> State.WAITING;
        };
    }

    private Instant at(Instant reported) {
        return reported == null ? clock.instant() : reported;
    }
}
