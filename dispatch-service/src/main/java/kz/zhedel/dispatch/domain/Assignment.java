package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.ResponderRole;

/** A responder asked to act on an incident in a role, with the reason they were chosen. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    /** Statuses in which the responder still has work to do on the assignment. */
    public static final Set<AssignmentStatus> OPEN = Set.of(AssignmentStatus.ASSIGNED, AssignmentStatus.ACKNOWLEDGED,
            AssignmentStatus.ON_SCENE);

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "responder_id", nullable = false)
    public UUID responderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponderRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(nullable = false)
    public String reason;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** Why the assignment last changed status (declined, escalated, resolved...), as the responder or timer said. */
    @Column(name = "status_reason")
    public String statusReason;

    /** False for informed roles: paged, but nobody waits for their acknowledgement. */
    @Column(name = "must_acknowledge", nullable = false)
    public boolean mustAcknowledge = true;

    /** When the acknowledgement timer fires; null once acknowledged, ended, or for informed roles. */
    @Column(name = "ack_deadline")
    public Instant ackDeadline;

    /** Deadlines missed so far: the first re-pages, the next escalates. */
    @Column(name = "missed_deadlines", nullable = false)
    public int missedDeadlines;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** The page currently out for this assignment; reports about other pages are stale. */
    @Column(name = "page_id")
    public UUID pageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "page_status")
    public PageStatus pageStatus;

    @Column(name = "page_status_at")
    public Instant pageStatusAt;

    /** On a {@code COORDINATOR} assignment only: why the duty coordinator is paged. */
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_reason")
    public CoordinatorAlert.Reason alertReason;

    /** On a {@code COORDINATOR} assignment only: the role of the team the alert is about. */
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_role")
    public ResponderRole alertRole;

    /** When the assignment left the responder's hands; rest is measured from it. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** The duty coordinator alerted about a role, not a member of the team. */
    public boolean isAlert() {
        return role == ResponderRole.COORDINATOR;
    }

    /** What a {@code PageRequested} carries for this assignment: null for a team member. */
    public CoordinatorAlert alert() {
        return isAlert() ? new CoordinatorAlert(alertReason, alertRole) : null;
    }

    public void pageReached(UUID page, PageStatus status, Instant at) {
        if (Objects.equals(page, pageId)) {
            pageStatus = status;
            pageStatusAt = at;
        }
    }

    /**
     * Moves to {@code status} at {@code at} for {@code reason}; any running acknowledgement timer stops, and when it
     * moves out of the responder's hands, remembers when (their rest starts there).
     */
    public void moveTo(AssignmentStatus status, String reason, Instant at) {
        this.status = status;
        this.statusReason = reason;
        this.ackDeadline = null;
        if (status.isEnd()) {
            endedAt = at;
        }
    }

    public static List<Assignment> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by assignedAt, id", incidentId);
    }

    /** The assignment, locked for update, provided it belongs to the incident. */
    public static Assignment lockedOf(UUID incidentId, UUID assignmentId) {
        return find("id = ?1 and incidentId = ?2", assignmentId, incidentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Everyone already asked to act on the incident in the role (declined, escalated, or still on it). */
    public static Set<UUID> triedInRole(UUID incidentId, ResponderRole role) {
        return Set.copyOf(getEntityManager().createQuery("select a.responderId from Assignment a"
                + " where a.incidentId = ?1 and a.role = ?2", UUID.class)
                .setParameter(1, incidentId).setParameter(2, role).getResultList());
    }

    /** Coordinators already alerted on the incident for this role and reason. */
    public static Set<UUID> alertedFor(UUID incidentId, ResponderRole role, CoordinatorAlert.Reason reason) {
        return Set.copyOf(getEntityManager().createQuery("select a.responderId from Assignment a"
                + " where a.incidentId = ?1 and a.role = ?2 and a.alertRole = ?3 and a.alertReason = ?4", UUID.class)
                .setParameter(1, incidentId).setParameter(2, ResponderRole.COORDINATOR).setParameter(3, role)
                .setParameter(4, reason).getResultList());
    }

    /** The coordinator's alerts about the role still in their hands (any reason, or just {@code reason}). */
    public static List<Assignment> openAlerts(UUID incidentId, ResponderRole role, CoordinatorAlert.Reason reason) {
        return Assignment.<Assignment>list("incidentId = ?1 and role = ?2 and alertRole = ?3 and status in ?4",
                incidentId, ResponderRole.COORDINATOR, role, Workload.IN_HAND).stream()
                .filter(a -> reason == null || a.alertReason == reason).toList();
    }

    /** Assignments whose acknowledgement deadline has passed, locked; rows another instance holds are skipped. */
    @SuppressWarnings("unchecked")
    public static List<Assignment> claimOverdue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from assignment where ack_deadline <= ?1"
                + " and status = 'ASSIGNED' order by ack_deadline limit ?2 for update skip locked", Assignment.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
