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

import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.platform.tracing.TraceParent;

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

    /** The role the responder is asked for (null on requests from before it was sent). */
    @Enumerated(EnumType.STRING)
    public ResponderRole role;

    /** How many earlier incidents intake linked to the same child: a count, shown on the responder's page. */
    @Column(name = "linked_incidents")
    public Integer linkedIncidents;

    /** The responder's steps after the acknowledgement, through the link or dispatch's API. */
    @Column(name = "on_scene_at")
    public Instant onSceneAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Dispatch ended the assignment of this acknowledged page: its link no longer takes any step. */
    @Column(name = "ended_at")
    public Instant endedAt;

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

    /** The trace of the page request, continued by its delivery and its answer (see LaterWork). */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    public TraceParent trace() {
        return new TraceParent(traceParent, traceState);
    }

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

    /** Why the duty coordinator is paged; null on a team member's page. */
    public CoordinatorAlert alert() {
        return alertReason == null ? null : new CoordinatorAlert(alertReason, alertRole);
    }

    /** Urgent pages (P1, P2) are never held back by the per-responder rate limit. */
    public boolean urgent() {
        return severity == Severity.P1 || severity == Severity.P2;
    }

    /** The language the texts are written in: the responder's, else the page's, else Kazakh. */
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

    /** How far the responder got, as the page behind the link shows it. */
    public Progress progress() {
        if (status == PageStatus.WITHDRAWN || endedAt != null && resolvedAt == null) {
            return Progress.ENDED;
        }
        if (status == PageStatus.DECLINED) {
            return Progress.DECLINED;
        }
        if (status != PageStatus.ACKNOWLEDGED) {
            return Progress.OPEN;
        }
        return resolvedAt != null ? Progress.RESOLVED : onSceneAt != null ? Progress.ON_SCENE : Progress.ACKNOWLEDGED;
    }

    /**
     * The responder's next step after the acknowledgement, through the link: on scene, then resolved, each once and
     * in order ({@link Progress#next()}).
     */
    public PageProgressed progress(PageProgressed.Stage stage, Instant at) {
        if (progress().next() != stage) {
            throw new IllegalStateException("page " + id + " is " + progress() + ": cannot " + stage);
        }
        if (stage == PageProgressed.Stage.ON_SCENE) {
            onSceneAt = at;
        } else {
            resolvedAt = at;
            endedAt = at;
        }
        return new PageProgressed(incidentId, id, assignmentId, responderId, stage, at);
    }

    /**
     * Dispatch reports a step of the assignment of this acknowledged page (through its API, or this page's own
     * step coming back): the page keeps in step; an end stops its link.
     */
    public void assignmentProgressed(AssignmentProgressed.Stage stage, Instant at) {
        if (stage == AssignmentProgressed.Stage.ON_SCENE) {
            onSceneAt = onSceneAt == null ? at : onSceneAt;
            return;
        }
        if (stage == AssignmentProgressed.Stage.RESOLVED && resolvedAt == null) {
            onSceneAt = onSceneAt == null ? at : onSceneAt;
            resolvedAt = at;
        }
        endedAt = endedAt == null ? at : endedAt;
    }

    /** Where the page stands for its responder, and which step the link offers next. */
    public enum Progress {
        /** Not answered yet: acknowledge or decline. */
        OPEN,
        DECLINED,
        ACKNOWLEDGED,
        ON_SCENE,
        RESOLVED,
        /** Dispatch ended the assignment: handed on, escalated away, declined another way or called off. */
        ENDED;

        /** The step after the acknowledgement the link offers now, if any. */
        public PageProgressed.Stage next() {
            return this == ACKNOWLEDGED ? PageProgressed.Stage.ON_SCENE
                    : this == ON_SCENE ? PageProgressed.Stage.RESOLVED : null;
        }
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

    /** The acknowledged pages of the assignment, whose links take the steps after it. */
    public static List<Page> acknowledgedOf(UUID assignmentId) {
        return list("assignmentId = ?1 and status = ?2", assignmentId, PageStatus.ACKNOWLEDGED);
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
