package kz.zhedel.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.Severity;

/** A request to page one responder about one incident; its id is the one dispatch chose. */
@Entity
@Table(name = "page")
public class Page extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

    @Column(name = "responder_id", nullable = false)
    public UUID responderId;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public District district;

    @Enumerated(EnumType.STRING)
    public Language language;

    @Enumerated(EnumType.STRING)
    public PageStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "ack_expires_at", nullable = false)
    public Instant ackExpiresAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The first delivery makes the page DELIVERED; later ones (a retry that went through twice) announce nothing. */
    public Optional<PageDelivered> delivered(Channel channel, Instant at) {
        if (status != PageStatus.REQUESTED) {
            return Optional.empty();
        }
        status = PageStatus.DELIVERED;
        deliveredAt = at;
        return Optional.of(new PageDelivered(incidentId, id, assignmentId, channel, at));
    }

    /** Every contact was tried and none took the page. {@code reason} names channels and errors, no addresses. */
    public Optional<PageFailed> failed(String reason, Instant at) {
        if (status != PageStatus.REQUESTED) {
            return Optional.empty();
        }
        status = PageStatus.FAILED;
        failedAt = at;
        failureReason = reason;
        return Optional.of(new PageFailed(incidentId, id, assignmentId, reason, at));
    }

    public boolean isAcknowledged() {
        return status == PageStatus.ACKNOWLEDGED;
    }

    public PageAcknowledged acknowledge(Instant at) {
        if (isAcknowledged()) {
            throw new IllegalStateException("page " + id + " is already acknowledged");
        }
        status = PageStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
        return new PageAcknowledged(incidentId, id, assignmentId, responderId, at);
    }

    public static Page lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<Page> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by requestedAt, id", incidentId);
    }
}
