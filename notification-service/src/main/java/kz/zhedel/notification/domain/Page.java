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
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.ResponderRole;
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

    /** The responder's first language: the texts are written in it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "responder_language")
    public Language responderLanguage;

    /** When dispatch escalates if nobody acknowledges; shown in the texts. */
    @Column(name = "ack_deadline")
    public Instant ackDeadline;

    /** On a page to the duty coordinator only: why they are paged, and about which role of the team. */
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_reason")
    public CoordinatorAlert.Reason alertReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_role")
    public ResponderRole alertRole;

    /** Four digits the responder replies by SMS with ("1234 1" acknowledges, "1234 2" declines). */
    @Column(name = "reply_code")
    public String replyCode;

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

    @Column(name = "declined_at")
    public Instant declinedAt;

    @Column(name = "failure_reason")
    public String failureReason;

    /**
     * The first delivery is announced and makes an unanswered page DELIVERED. A quick answer can overtake the record
     * of the delivery that carried the link, so an answered page still records and announces it; later deliveries
     * (a retry that went through twice, the next step) announce nothing, nor does one of a withdrawn page.
     */
    public Optional<PageDelivered> delivered(Channel channel, Instant at) {
        if (deliveredAt != null || status == PageStatus.FAILED || status == PageStatus.WITHDRAWN) {
            return Optional.empty();
        }
        deliveredAt = at;
        if (status == PageStatus.REQUESTED) {
            status = PageStatus.DELIVERED;
        }
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

    public boolean isClosed() {
        return status.isClosed();
    }

    /** The language the texts are written in: the responder's, else the page's, else Kazakh. */
    /** Why the duty coordinator is paged; null on a team member's page. */
    public CoordinatorAlert alert() {
        return alertReason == null ? null : new CoordinatorAlert(alertReason, alertRole);
    }

    /** Urgent pages (P1, P2) are never held back by the per-responder rate limit. */
    public boolean urgent() {
        return severity == Severity.P1 || severity == Severity.P2;
    }

    public Language textLanguage() {
        return responderLanguage != null ? responderLanguage : language != null ? language : Language.KK;
    }

    public PageAcknowledged acknowledge(Instant at) {
        requireOpen();
        status = PageStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
        return new PageAcknowledged(incidentId, id, assignmentId, responderId, at);
    }

    /** {@code reason} is a fixed code naming the path (link, SMS, Telegram), never the responder's words. */
    public PageDeclined decline(String reason, Instant at) {
        requireOpen();
        status = PageStatus.DECLINED;
        declinedAt = at;
        return new PageDeclined(incidentId, id, assignmentId, responderId, reason, at);
    }

    /** Dispatch reports the assignment acknowledged some other way (API, another page): nothing to announce. */
    public void acknowledgedElsewhere(Instant at) {
        status = PageStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
    }

    private void requireOpen() {
        if (isClosed()) {
            throw new IllegalStateException("page " + id + " is already " + status);
        }
    }

    /** Dispatch ended the assignment: whatever of this page is still due stops; an answer now changes nothing. */
    public void withdraw() {
        status = PageStatus.WITHDRAWN;
    }

    public static List<Page> openOfAssignment(UUID assignmentId) {
        return list("assignmentId = ?1 and status not in ?2", assignmentId,
                List.of(PageStatus.ACKNOWLEDGED, PageStatus.DECLINED, PageStatus.WITHDRAWN));
    }

    /** A page of the assignment the responder already acknowledged, if any. */
    public static Optional<Page> acknowledgedOfAssignment(UUID assignmentId) {
        return find("assignmentId = ?1 and status = ?2 order by acknowledgedAt", assignmentId,
                PageStatus.ACKNOWLEDGED).firstResultOptional();
    }

    /** Unanswered pages with this reply code whose link still works. */
    public static List<Page> openWithReplyCode(String code, Instant now) {
        return list("replyCode = ?1 and status not in ?2 and ackExpiresAt > ?3", code,
                List.of(PageStatus.ACKNOWLEDGED, PageStatus.DECLINED, PageStatus.WITHDRAWN), now);
    }

    public static Page lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<Page> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by requestedAt, id", incidentId);
    }
}
