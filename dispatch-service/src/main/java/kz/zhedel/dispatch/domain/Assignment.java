package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    public static List<Assignment> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by assignedAt, id", incidentId);
    }

    /** The assignment, locked for update, provided it belongs to the incident. */
    public static Assignment lockedOf(UUID incidentId, UUID assignmentId) {
        return find("id = ?1 and incidentId = ?2", assignmentId, incidentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
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
