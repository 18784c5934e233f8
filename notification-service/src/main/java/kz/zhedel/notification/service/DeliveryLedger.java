package kz.zhedel.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.channel.DeliveryResult;
import kz.zhedel.notification.channel.PageMessage;
import kz.zhedel.notification.config.DeliveryConfig;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.DeliveryStatus;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.platform.outbox.Outbox;

/**
 * The worker's short transactions around a send: claiming due deliveries under a lease, and recording how a try
 * went. Locks are always taken page first, then delivery, the order acknowledgement uses too.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    private static final int MAX_REASON = 500;

    /** A delivery this instance holds until its lease ends; {@code attempts} tells a stale claim from a live one. */
    public record Claim(long deliveryId, UUID pageId, int attempts, Channel channel, String address,
            PageMessage message) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeliveryConfig config;

    @Inject
    AckTokens tokens;

    @Inject
    Outbox outbox;

    /** Due deliveries nobody holds; other instances skip the rows locked here instead of waiting for them. */
    @SuppressWarnings("unchecked")
    public List<Claim> claimDue(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Delivery> due = em.createNativeQuery("select * from delivery where status = 'PENDING' "
                    + "and next_attempt_at <= ?1 and (leased_until is null or leased_until <= ?1) "
                    + "order by next_attempt_at, id limit ?2 for update skip locked", Delivery.class)
                    .setParameter(1, now)
                    .setParameter(2, limit)
                    .getResultList();
            return due.stream().map(delivery -> {
                delivery.leasedUntil = now.plus(config.lease());
                Page page = Page.findById(delivery.pageId);
                return new Claim(delivery.id, page.id, delivery.attempts, delivery.channel, delivery.address,
                        message(page));
            }).toList();
        });
    }

    public void record(Claim claim, DeliveryResult result) {
        QuarkusTransaction.requiringNew().run(() -> {
            Page page = Page.lock(claim.pageId());
            Delivery delivery = em.find(Delivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery.status != DeliveryStatus.PENDING || delivery.attempts != claim.attempts()) {
                // Acknowledged meanwhile, or our lease ran out and another instance went on with it.
                LOG.debugf("result for delivery %d of page %s dropped: it moved on", delivery.id, page.id);
                return;
            }
            Instant now = clock.instant();
            delivery.attempts++;
            delivery.lastAttemptAt = now;
            delivery.leasedUntil = null;
            switch (result.outcome()) {
                case DELIVERED -> delivered(page, delivery, result.detail(), now);
                case PERMANENT -> failed(page, delivery, result.detail(), now);
                case TRANSIENT -> {
                    if (delivery.attempts >= config.maxAttempts()) {
                        failed(page, delivery, result.detail() + " after " + delivery.attempts + " attempts", now);
                    } else {
                        delivery.lastError = result.detail();
                        delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                    }
                }
            }
        });
    }

    /** Exponential: the initial backoff after the first failed try, doubled after each further one, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) < 0 ? wait : config.maxBackoff();
    }

    PageMessage message(Page page) {
        return new PageMessage(page.id, page.incidentId, page.assignmentId, page.category, page.severity,
                page.district, page.language, tokens.url(page.id, page.ackExpiresAt));
    }

    private void delivered(Page page, Delivery delivery, String providerStatus, Instant now) {
        delivery.status = DeliveryStatus.DELIVERED;
        delivery.deliveredAt = now;
        delivery.providerStatus = providerStatus;
        delivery.lastError = null;
        delivery.nextAttemptAt = null;
        Delivery.pending(page.id).forEach(Delivery::cancel); // the reserve contacts are not needed
        page.delivered(delivery.channel, now).ifPresent(outbox::record);
    }

    /** This contact is given up: the next one is due at once, or, if none is left, the whole page failed. */
    private void failed(Page page, Delivery delivery, String reason, Instant now) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.lastError = reason;
        delivery.nextAttemptAt = null;
        List<Delivery> left = Delivery.pending(page.id);
        if (!left.isEmpty()) {
            left.get(0).nextAttemptAt = now;
            return;
        }
        String reasons = Delivery.ofPage(page.id).stream()
                .map(d -> d.channel + ": " + d.lastError)
                .collect(Collectors.joining("; "));
        page.failed(reasons.length() > MAX_REASON ? reasons.substring(0, MAX_REASON) : reasons, now)
                .ifPresent(outbox::record);
    }
}
