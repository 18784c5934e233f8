package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.Actor;

/**
 * One step of an assignment's history and who took it: a null actor is the system (the team rules, a timer, a page
 * report without a person behind it). {@code comment} is the coordinator's own words (sealed), never in an event.
 */
@Entity
@Table(name = "assignment_step")
public class AssignmentStep extends PanacheEntityBase {

    public enum Kind {
        ASSIGNED, ACKNOWLEDGED, DECLINED, ON_SCENE, RESOLVED, HANDED_ON, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind step;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(nullable = false)
    public Instant at;

    @Convert(converter = FreeTextCipher.class)
    public String comment;

    public static void record(Assignment assignment, Kind step, Actor actor, Instant at, String comment) {
        AssignmentStep row = new AssignmentStep();
        row.assignmentId = assignment.id;
        row.incidentId = assignment.incidentId;
        row.step = step;
        row.actorSubject = actor == null ? null : actor.subject();
        row.actorRole = actor == null ? null : actor.role();
        row.at = at;
        row.comment = comment;
        row.persist();
    }

    public Actor actor() {
        return actorSubject == null ? null : new Actor(actorSubject, actorRole);
    }

    public static List<AssignmentStep> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by at, id", incidentId);
    }

    public static List<AssignmentStep> ofAssignments(Collection<UUID> assignmentIds) {
        return assignmentIds.isEmpty() ? List.of() : list("assignmentId in ?1 order by at, id", assignmentIds);
    }
}
