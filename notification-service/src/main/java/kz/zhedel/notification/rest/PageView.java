package kz.zhedel.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.DeliveryStatus;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;

/**
 * A page as the ops team sees it, with each contact's delivery. Addresses are staff contacts; the ack link lets the
 * duty coordinator acknowledge for a responder who called in.
 */
public record PageView(UUID pageId, UUID incidentId, UUID assignmentId, UUID responderId, Category category,
        Severity severity, District district, Language language, PageStatus status, Instant requestedAt,
        Instant deliveredAt, Instant acknowledgedAt, Instant failedAt, String failureReason, Instant ackExpiresAt,
        String ackUrl, List<DeliveryView> deliveries) {

    public record DeliveryView(int position, Channel channel, String address, DeliveryStatus status, int attempts,
            String lastError, String providerStatus, Instant nextAttemptAt, Instant lastAttemptAt,
            Instant deliveredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.position, d.channel, d.address, d.status, d.attempts, d.lastError,
                    d.providerStatus, d.nextAttemptAt, d.lastAttemptAt, d.deliveredAt);
        }
    }

    static PageView of(Page p, String ackUrl, List<Delivery> deliveries) {
        return new PageView(p.id, p.incidentId, p.assignmentId, p.responderId, p.category, p.severity, p.district,
                p.language, p.status, p.requestedAt, p.deliveredAt, p.acknowledgedAt, p.failedAt, p.failureReason,
                p.ackExpiresAt, ackUrl, deliveries.stream().map(DeliveryView::of).toList());
    }
}
