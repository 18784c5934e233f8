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

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    /** When the worker should try next; null while an earlier contact is still being tried. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static Delivery pending(UUID pageId, int position, Channel channel, String address) {
        Delivery delivery = new Delivery();
        delivery.pageId = pageId;
        delivery.position = position;
        delivery.channel = channel;
        delivery.address = address;
        delivery.status = DeliveryStatus.PENDING;
        return delivery;
    }

    /** No longer needed: the page was delivered through another contact or acknowledged. */
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
}
