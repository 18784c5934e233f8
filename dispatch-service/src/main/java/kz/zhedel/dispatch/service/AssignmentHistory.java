package kz.zhedel.dispatch.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.AssignmentStep;
import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.platform.outbox.Outbox;

/** Announces an assignment's step with who took it and keeps the step in the assignment's history, together. */
@ApplicationScoped
public class AssignmentHistory {

    @Inject
    Outbox outbox;

    /** Ends the assignment (handed on, called off): its deadline stops, and the step is announced with who. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(Assignment assignment, Stage stage, Actor actor, String why, Instant at) {
        assignment.moveTo(AssignmentStatus.valueOf(stage.name()), why, at);
        progressed(assignment, stage, actor, at);
    }

    /** {@code actor} null: the system took the step (e.g. an informed role called off when the case closed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressed(Assignment assignment, Stage stage, Actor actor, Instant at) {
        outbox.record(new AssignmentProgressed(assignment.incidentId, assignment.id, assignment.responderId,
                assignment.role, stage, at, actor));
        AssignmentStep.record(assignment, AssignmentStep.Kind.valueOf(stage.name()), actor, at, null);
    }
}
