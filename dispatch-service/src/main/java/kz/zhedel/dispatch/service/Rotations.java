package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import kz.zhedel.dispatch.domain.Handoff;
import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.Rotation;
import kz.zhedel.dispatch.domain.RotationOverride;
import kz.zhedel.dispatch.rest.NewOverride;
import kz.zhedel.dispatch.rest.NewRotation;
import kz.zhedel.dispatch.rest.RotationView;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.rest.InvalidFields;
import kz.zhedel.platform.rest.Problem;

/** Sets up on-call rotations and their overrides; every change is audited in its own transaction. */
@ApplicationScoped
public class Rotations {

    static final String ENTITY = "rotation";

    @Inject
    OpsAudit audit;

    @Inject
    Clock clock;

    @Inject
    Event<RosterChanged> changed;

    @Transactional
    public Rotation create(NewRotation request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.handoff() == Handoff.WEEKLY && request.handoffDay() == null) {
            errors.add(new Problem.FieldError("handoffDay", "required for a WEEKLY rotation"));
        }
        if (request.handoff() == Handoff.DAILY && request.handoffDay() != null) {
            errors.add(new Problem.FieldError("handoffDay", "only for a WEEKLY rotation"));
        }
        for (int i = 0; i < request.participants().size(); i++) {
            if (!hasRole(request.participants().get(i), request.role())) {
                errors.add(new Problem.FieldError("participants[" + i + "]", "is not a " + request.role()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        Rotation rotation = new Rotation();
        rotation.id = UUID.randomUUID();
        rotation.name = request.name().strip();
        rotation.role = request.role();
        rotation.districts.addAll(request.districts().stream().distinct().toList());
        rotation.handoff = request.handoff();
        rotation.handoffTime = request.handoffTime();
        rotation.handoffDay = request.handoffDay();
        rotation.startsAt = request.start();
        rotation.createdAt = clock.instant();
        rotation.participants.addAll(request.participants());
        rotation.persist();
        audit.record("rotation.created", ENTITY, rotation.id, null, RotationView.of(rotation, List.of()));
        changed.fire(new RosterChanged("rotation.created", rotation.role, null));
        return rotation;
    }

    @Transactional
    public RotationOverride override(UUID rotationId, NewOverride request) {
        Rotation rotation = find(rotationId);
        if (!hasRole(request.responderId(), rotation.role)) {
            throw InvalidFields.of("responderId", "is not a " + rotation.role);
        }
        if (request.replaces() != null && !rotation.participants.contains(request.replaces())) {
            throw InvalidFields.of("replaces", "is not a participant of the rotation");
        }
        RotationView before = RotationView.of(rotation, RotationOverride.ofRotation(rotationId));
        RotationOverride override = new RotationOverride();
        override.id = UUID.randomUUID();
        override.rotationId = rotationId;
        override.responderId = request.responderId();
        override.startsAt = request.start();
        override.endsAt = request.end();
        override.replaces = request.replaces();
        override.createdAt = clock.instant();
        override.persist();
        audit.record("rotation.overridden", ENTITY, rotationId, before,
                RotationView.of(rotation, RotationOverride.ofRotation(rotationId)));
        changed.fire(new RosterChanged("rotation.overridden", rotation.role, override.responderId));
        return override;
    }

    /** From {@code at} (now when absent; never in the past) nobody is on call through the rotation. */
    @Transactional
    public Rotation end(UUID rotationId, Instant at) {
        Rotation rotation = find(rotationId);
        Instant now = clock.instant();
        if (rotation.endsAt != null) {
            throw Coordination.conflict("rotation " + rotationId + " ends at " + rotation.endsAt + " already");
        }
        if (at != null && at.isBefore(now)) {
            throw InvalidFields.of("at", "must not be in the past: who was on call stays as it was");
        }
        RotationView before = RotationView.of(rotation, RotationOverride.ofRotation(rotationId));
        rotation.endsAt = at == null ? now : at;
        audit.record("rotation.ended", ENTITY, rotationId, before,
                RotationView.of(rotation, RotationOverride.ofRotation(rotationId)));
        changed.fire(new RosterChanged("rotation.ended", rotation.role, null));
        return rotation;
    }

    @Transactional
    public void removeOverride(UUID rotationId, UUID overrideId) {
        Rotation rotation = find(rotationId);
        RotationOverride override = RotationOverride.find("id = ?1 and rotationId = ?2", overrideId, rotationId)
                .firstResult();
        if (override == null) {
            throw new NotFoundException("no override " + overrideId + " of rotation " + rotationId);
        }
        RotationView before = RotationView.of(rotation, RotationOverride.ofRotation(rotationId));
        override.delete();
        audit.record("rotation.override-removed", ENTITY, rotationId, before,
                RotationView.of(rotation, RotationOverride.ofRotation(rotationId)));
        changed.fire(new RosterChanged("rotation.override-removed", rotation.role, override.responderId));
    }

    public Rotation find(UUID id) {
        Rotation rotation = Rotation.findById(id);
        if (rotation == null) {
            throw new NotFoundException("no rotation " + id);
        }
        return rotation;
    }

    private static boolean hasRole(UUID responderId, ResponderRole role) {
        return Responder.count("id = ?1 and role = ?2", responderId, role) > 0;
    }
}
