package kz.zhedel.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.Channel;

/** Paging through one contact method; contacts are tried one after the other, in {@code position} order. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "page_id", nullable = false)
    public UUID pageId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(nullable = false)
    public String address;

    @Column(name = "responder_id")
    public UUID responderId;

    /** A timed step: due this long after the request. Null: a backup, due when the delivery before it failed. */
    @Column(name = "delay_seconds")
    public Integer delaySeconds;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    /** When the worker should try next; null while an earlier contact is still being tried. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    /** Held back by the per-responder rate limit; leaves bundled with the others held for the same contact. */
    @Column(nullable = false)
    public boolean held;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Which gateway took it (SMS, voice: the one that was up) and its id, which delivery receipts name. */
    public String provider;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    public static Delivery pending(Page page, int position, Channel channel, String address) {
        Delivery delivery = new Delivery();
        delivery.pageId = page.id;
        delivery.responderId = page.responderId;
        delivery.position = position;
        delivery.channel = channel;
        delivery.address = address;
        delivery.status = DeliveryStatus.PENDING;
        return delivery;
    }

    /** A timed step: due {@code delay} after {@code requestedAt}, whatever the steps before it did. */
    public void timedStep(Duration delay, Instant requestedAt) {
        delaySeconds = (int) Math.max(0, delay.toSeconds());
        nextAttemptAt = requestedAt.plusSeconds(delaySeconds);
    }

    public boolean isBackup() {
        return delaySeconds == null;
    }

    /** No longer needed: the page reached the responder through the contact before, or was answered. */
    public void cancel() {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
        leasedUntil = null;
    }

    /** A worker holds it until {@code leaseEnd} while it sends it, alone or in a bundle. */
    public void claimed(Instant leaseEnd) {
        require(DeliveryStatus.PENDING, "be claimed");
        leasedUntil = leaseEnd;
        held = false;
    }

    /** The responder's rate limit holds it back until {@code until}; then it leaves bundled with the others held. */
    public void heldUntil(Instant until) {
        require(DeliveryStatus.PENDING, "be held");
        held = true;
        nextAttemptAt = until;
    }

    /**
     * Whether the result of the try claimed at {@code claimedAttempts} tries is still this delivery's to record: not
     * when it was answered meanwhile or its lease ran out and another instance went on with it. A message that
     * {@code left} is still recorded when the responder answered through it before its result was back.
     */
    public boolean awaitsResultOf(int claimedAttempts, Page page, boolean left) {
        boolean answeredInFlight = status == DeliveryStatus.CANCELLED && page.isClosed()
                && page.status != PageStatus.WITHDRAWN && left;
        return (status == DeliveryStatus.PENDING || answeredInFlight) && attempts == claimedAttempts;
    }

    /** One more try came back: the lease ends, whatever the outcome. */
    public void tried(Instant at) {
        attempts++;
        lastAttemptAt = at;
        leasedUntil = null;
    }

    /** It reached the responder (at once, or by a gateway's receipt); its backups are no longer needed. */
    public void delivered(String byProvider, String messageId, String detail, Instant at) {
        if (status != DeliveryStatus.SENT) {
            requireInFlight("be delivered");
        }
        took(DeliveryStatus.DELIVERED, byProvider, messageId, detail);
        deliveredAt = at;
    }

    /** A gateway took it (SMS, voice) under {@code messageId}; its receipt will say DELIVERED or FAILED. */
    public void sent(String byProvider, String messageId, String detail, Instant at) {
        requireInFlight("be sent");
        took(DeliveryStatus.SENT, byProvider, messageId, detail);
        sentAt = at;
    }

    /**
     * A try failed but another may work: due again after {@code backoff} of the tries so far, unless this was the last
     * one allowed, in which case the contact has failed. Returns when it is tried next; empty when it has failed.
     */
    public Optional<Instant> failedAttempt(String detail, Backoff backoff, Instant at) {
        require(DeliveryStatus.PENDING, "fail an attempt");
        if (backoff.exhausted(attempts)) {
            failed(detail + " after " + attempts + " attempts", at);
            return Optional.empty();
        }
        lastError = detail;
        nextAttemptAt = at.plus(backoff.after(attempts));
        return Optional.of(nextAttemptAt);
    }

    /** This contact is given up ({@code reason} names no address); the next one takes over. */
    public void failed(String reason, Instant at) {
        require(DeliveryStatus.PENDING, "fail");
        giveUp(reason, at);
    }

    private void giveUp(String reason, Instant at) {
        status = DeliveryStatus.FAILED;
        failedAt = at;
        lastError = reason;
        nextAttemptAt = null;
    }

    /** The gateway's receipt says it reached the responder. */
    public void receiptDelivered(String detail, Instant at) {
        require(DeliveryStatus.SENT, "take a delivered receipt");
        delivered(provider, providerMessageId, detail, at);
    }

    /** The gateway's receipt says it did not reach the responder: the contact has failed. */
    public void receiptFailed(String detail, Instant at) {
        require(DeliveryStatus.SENT, "take a failed receipt");
        giveUp(detail, at);
    }

    /** The contact before it failed: it is due at once, unless it is already due earlier (a timed step). */
    public void failedOver(Instant at) {
        require(DeliveryStatus.PENDING, "take over");
        nextAttemptAt = nextAttemptAt == null || nextAttemptAt.isAfter(at) ? at : nextAttemptAt;
    }

    /** The contact before it was taken by a gateway: it is paged at {@code at} unless a receipt settles it first. */
    public void dueUnlessReceiptBy(Instant at) {
        require(DeliveryStatus.PENDING, "wait for a receipt");
        nextAttemptAt = at;
    }

    /** Waiting to be sent, or sent and waiting for the receipt. */
    public boolean isUnsettled() {
        return status == DeliveryStatus.PENDING || status == DeliveryStatus.SENT;
    }

    public boolean awaitsReceipt() {
        return status == DeliveryStatus.SENT;
    }

    /** A provider took it under {@code messageId}: nothing more is due on this contact. */
    private void took(DeliveryStatus reached, String byProvider, String messageId, String detail) {
        status = reached;
        provider = byProvider;
        providerMessageId = messageId;
        providerStatus = detail;
        lastError = null;
        nextAttemptAt = null;
    }

    /** Being tried, or cancelled by an answer through the very message in flight (see {@link #awaitsResultOf}). */
    private void requireInFlight(String step) {
        if (status != DeliveryStatus.CANCELLED) {
            require(DeliveryStatus.PENDING, step);
        }
    }

    private void require(DeliveryStatus expected, String step) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + ": cannot " + step);
        }
    }

    public static List<Delivery> ofPage(UUID pageId) {
        return list("pageId = ?1 order by position", pageId);
    }

    public static List<Delivery> ofPages(Collection<UUID> pageIds) {
        return pageIds.isEmpty() ? List.of() : list("pageId in ?1 order by pageId, position", pageIds);
    }

    public static List<Delivery> pending(UUID pageId) {
        return list("pageId = ?1 and status = ?2 order by position", pageId, DeliveryStatus.PENDING);
    }

    /** Still waiting to be sent, or sent and waiting for the receipt. */
    public static long unsettled(UUID pageId) {
        return count("pageId = ?1 and status in ?2", pageId, List.of(DeliveryStatus.PENDING, DeliveryStatus.SENT));
    }

    public static List<Delivery> byProviderMessage(String provider, String providerMessageId) {
        return list("provider = ?1 and providerMessageId = ?2", provider, providerMessageId);
    }
}
