package kz.zhedel.notification.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import kz.zhedel.events.ResponderRole;

/**
 * One role of an incident's team as dispatch's events tell it, for the responder's page: whether the role is
 * covered and how far its responder got. Roles and states only, never who.
 */
@Entity
@Table(name = "team_role")
@IdClass(TeamRole.Key.class)
public class TeamRole extends PanacheEntityBase {

    public enum State {
        WAITING, ASSIGNED, ACKNOWLEDGED, ON_SCENE, RESOLVED, CANCELLED
    }

    public record Key(UUID incidentId, ResponderRole role) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Enumerated(EnumType.STRING)
    public ResponderRole role;

    /** The assignment covering the role now; null while it waits for someone. */
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The role is covered by {@code assignmentId} (null: it waits for someone) in {@code state}. */
    public static void cover(UUID incidentId, ResponderRole role, UUID assignmentId, State state, Instant at) {
        TeamRole row = findById(new Key(incidentId, role));
        boolean added = row == null;
        if (added) {
            row = new TeamRole();
            row.incidentId = incidentId;
            row.role = role;
        }
        row.assignmentId = assignmentId;
        row.state = state;
        row.changedAt = at;
        if (added) {
            row.persist();
        }
    }

    /** The role this assignment covers moved on; an assignment already replaced changes nothing. */
    public static void moved(UUID assignmentId, State state, Instant at) {
        for (TeamRole row : TeamRole.<TeamRole>list("assignmentId", assignmentId)) {
            row.state = state;
            row.changedAt = at;
            if (state == State.WAITING) {
                row.assignmentId = null;
            }
        }
    }

    public static List<TeamRole> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by role", incidentId);
    }
}
