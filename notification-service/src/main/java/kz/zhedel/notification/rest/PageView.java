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
        Severity severity, District district, Language language, Language responderLanguage, PageStatus status,
        Instant requestedAt, Instant ackDeadline, Instant deliveredAt, Instant acknowledgedAt, Instant declinedAt,
        Instant failedAt, String failureReason, Instant ackExpiresAt, String ackUrl, String replyCode,
        List<DeliveryView> deliveries) {

    /** {@code delay}: seconds after the request for a timed step, null for a backup. */
    public record DeliveryView(int position, Channel channel, String address, Integer delay, DeliveryStatus status,
            boolean held, int attempts, String lastError, String provider, String providerMessageId,
            String providerStatus, Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt, Instant deliveredAt,
            Instant failedAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.position, d.channel, d.address, d.delaySeconds, d.status, d.held, d.attempts,
                    d.lastError, d.provider, d.providerMessageId, d.providerStatus, d.nextAttemptAt, d.lastAttemptAt,
                    d.sentAt, d.deliveredAt, d.failedAt);
        }
    }

    static PageView of(Page p, String ackUrl, List<Delivery> deliveries) {
        return new PageView(p.id, p.incidentId, p.assignmentId, p.responderId, p.category, p.severity, p.district,
                p.language, p.responderLanguage, p.status, p.requestedAt, p.ackDeadline, p.deliveredAt,
                p.acknowledgedAt, p.declinedAt, p.failedAt, p.failureReason, p.ackExpiresAt, ackUrl, p.replyCode,
                deliveries.stream().map(DeliveryView::of).toList());
    }
}
