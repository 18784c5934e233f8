package kz.zhedel.notification.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    public boolean isBackup() {
        return delaySeconds == null;
    }

    /** No longer needed: the page reached the responder through the contact before, or was answered. */
    public void cancel() {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
        leasedUntil = null;
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
