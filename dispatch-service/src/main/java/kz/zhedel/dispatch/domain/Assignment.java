package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

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

    public void pageReached(UUID page, PageStatus status, Instant at) {
        if (Objects.equals(page, pageId)) {
            pageStatus = status;
            pageStatusAt = at;
        }
    }

    /** Moves to {@code status} for {@code reason}; any running acknowledgement timer stops. */
    public void moveTo(AssignmentStatus status, String reason) {
        this.status = status;
        this.statusReason = reason;
        this.ackDeadline = null;
    }

    public static List<Assignment> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by assignedAt, id", incidentId);
    }

    /** The assignment, locked for update, provided it belongs to the incident. */
    public static Assignment lockedOf(UUID incidentId, UUID assignmentId) {
        return find("id = ?1 and incidentId = ?2", assignmentId, incidentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Whether the responder was already asked to act on the incident, in any role. */
    public static boolean triedOn(UUID incidentId, UUID responderId) {
        return count("incidentId = ?1 and responderId = ?2", incidentId, responderId) > 0;
    }

    /** Assignments whose acknowledgement deadline has passed, locked; rows another instance holds are skipped. */
    @SuppressWarnings("unchecked")
    public static List<Assignment> claimOverdue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from assignment where ack_deadline <= ?1"
                + " and status = 'ASSIGNED' order by ack_deadline limit ?2 for update skip locked", Assignment.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Open (not yet acknowledged) assignments per responder; responders without any are absent. */
    public static Map<UUID, Long> openCounts(Collection<UUID> responderIds) {
        if (responderIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select a.responderId, count(a) from Assignment a"
                + " where a.status = ?1 and a.responderId in ?2 group by a.responderId", Object[].class)
                .setParameter(1, AssignmentStatus.ASSIGNED)
                .setParameter(2, responderIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }
}
