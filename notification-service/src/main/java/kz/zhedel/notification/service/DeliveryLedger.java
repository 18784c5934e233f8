package kz.zhedel.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import kz.zhedel.notification.channel.Notice;
import kz.zhedel.notification.channel.PageChannels;
import kz.zhedel.notification.channel.PageMessage;
import kz.zhedel.notification.channel.SmsGateway.DeliveryReceipt;
import kz.zhedel.notification.config.DeliveryConfig;
import kz.zhedel.notification.config.RateLimitConfig;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.DeliveryStatus;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;
import kz.zhedel.notification.domain.SentMessage;
import kz.zhedel.platform.outbox.Outbox;
import kz.zhedel.platform.tracing.TraceParent;

/**
 * The worker's short transactions around a send: claiming due deliveries under a lease (holding back, and later
 * bundling, what the per-responder rate limit does not allow yet; never a P1 or P2 page), recording how a try went, and applying delivery
 * receipts. Locks are always taken page first, then delivery, the order acknowledgement uses too.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    private static final int MAX_REASON = 500;

    /**
     * One message this instance sends and holds until its lease ends: one delivery, or several of the same contact
     * bundled. {@code attempts} tells a stale claim from a live one.
     */
    /** Deliveries sent together; {@code trace} is the first page's, which the send continues. */
    public record Claim(List<Held> held, UUID responderId, Channel channel, Notice notice, TraceParent trace) {

        public record Held(long deliveryId, UUID pageId, int attempts) {
        }

        public long firstDeliveryId() {
            return held.get(0).deliveryId();
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeliveryConfig config;

    @Inject
    RateLimitConfig limits;

    @Inject
    PageChannels channels;

    @Inject
    AckTokens tokens;

    @Inject
    DeliveryOutcomes outcomes;

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
            Set<Long> taken = new HashSet<>();
            List<Claim> claims = new ArrayList<>();
            for (Delivery delivery : due) {
                if (!taken.add(delivery.id)) {
                    continue; // went out in a bundle claimed above
                }
                List<Delivery> message = List.of(delivery);
                if (rateLimited(delivery) && !urgent(delivery)) {
                    Optional<Instant> heldUntil = heldUntil(delivery, now);
                    if (heldUntil.isPresent()) {
                        delivery.held = true;
                        delivery.nextAttemptAt = heldUntil.get();
                        continue;
                    }
                    message = bundle(delivery, now);
                    message.forEach(d -> taken.add(d.id));
                }
                message.forEach(d -> {
                    d.leasedUntil = now.plus(config.lease());
                    d.held = false;
                });
                claims.add(claim(message));
            }
            return claims;
        });
    }

    public void record(Claim claim, DeliveryResult result) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            boolean recorded = false;
            for (Claim.Held held : claim.held()) {
                Page page = Page.lock(held.pageId());
                Delivery delivery = em.find(Delivery.class, held.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
                // The responder may answer through the very message in flight before its result is back: it left, so it
                // is still recorded (and the page's delivery announced) although the answer cancelled the delivery.
                boolean answeredInFlight = delivery.status == DeliveryStatus.CANCELLED && page.isClosed()
                        && page.status != PageStatus.WITHDRAWN && result.left();
                if ((delivery.status != DeliveryStatus.PENDING && !answeredInFlight)
                        || delivery.attempts != held.attempts()) {
                    // Answered meanwhile, or our lease ran out and another instance went on with it.
                    LOG.debugf("result for delivery %d of page %s dropped: it moved on", delivery.id, page.id);
                    continue;
                }
                recorded = true;
                delivery.attempts++;
                delivery.lastAttemptAt = now;
                delivery.leasedUntil = null;
                switch (result.outcome()) {
                    case DELIVERED -> delivered(page, delivery, result, now);
                    case SENT -> sent(delivery, result, now);
                    case PERMANENT -> failed(page, delivery, result.detail(), now);
                    case TRANSIENT -> {
                        if (delivery.attempts >= config.maxAttempts()) {
                            failed(page, delivery, result.detail() + " after " + delivery.attempts + " attempts",
                                    now);
                        } else {
                            delivery.lastError = result.detail();
                            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                        }
                    }
                }
            }
            if (recorded && result.left()) {
                SentMessage.record(claim.responderId(), claim.channel(), result.provider(), claim.held().size(), now);
            }
        });
    }

    /** A gateway's receipt for a message it took: DELIVERED, or FAILED and the next contact goes at once. */
    public int receipt(String provider, DeliveryReceipt receipt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int applied = 0;
            List<Delivery> deliveries = Delivery.byProviderMessage(provider, receipt.messageId()).stream()
                    .sorted(Comparator.comparing((Delivery d) -> d.pageId)).toList();
            for (Delivery found : deliveries) {
                Page page = Page.lock(found.pageId);
                Delivery delivery = em.find(Delivery.class, found.id, LockModeType.PESSIMISTIC_WRITE);
                em.refresh(delivery);
                if (delivery.status != DeliveryStatus.SENT) {
                    continue; // a repeated receipt
                }
                applied++;
                if (receipt.delivered()) {
                    delivered(page, delivery, DeliveryResult.delivered(provider, receipt.messageId(),
                            receipt.detail()), now);
                } else {
                    failed(page, delivery, receipt.detail(), now);
                }
            }
            return applied;
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

    private boolean rateLimited(Delivery delivery) {
        return delivery.responderId != null && channels.of(delivery.channel).map(c -> c.rateLimited()).orElse(false);
    }

    /** A P1 or P2 page leaves at once, on its own, whatever the responder's rate limit says. */
    private static boolean urgent(Delivery delivery) {
        Page page = Page.findById(delivery.pageId);
        return page != null && page.urgent();
    }

    /**
     * When the responder's window allows the next message through this channel, if it does not now: messages sent
     * in the window and sends in flight both count.
     */
    private Optional<Instant> heldUntil(Delivery delivery, Instant now) {
        Instant since = now.minus(limits.window());
        long inFlight = Delivery.count("responderId = ?1 and channel = ?2 and status = ?3 and leasedUntil > ?4 "
                + "and id <> ?5", delivery.responderId, delivery.channel, DeliveryStatus.PENDING, now, delivery.id);
        long sent = SentMessage.count("responderId = ?1 and channel = ?2 and sentAt > ?3", delivery.responderId,
                delivery.channel, since);
        if (sent + inFlight < limits.maxMessages()) {
            return Optional.empty();
        }
        Optional<Instant> oldestCounted = SentMessage.nthLatestToResponder(delivery.responderId, delivery.channel,
                since, limits.maxMessages());
        return Optional.of(oldestCounted.orElse(now).plus(limits.window()));
    }

    /** This delivery and every other due or held one to the same contact: they leave as one message. */
    @SuppressWarnings("unchecked")
    private List<Delivery> bundle(Delivery delivery, Instant now) {
        return em.createNativeQuery("select * from delivery where status = 'PENDING' and responder_id = ?1 "
                + "and channel = ?2 and address = ?3 and (held or next_attempt_at <= ?4) "
                + "and (leased_until is null or leased_until <= ?4) order by id for update skip locked",
                Delivery.class)
                .setParameter(1, delivery.responderId)
                .setParameter(2, delivery.channel.name())
                .setParameter(3, delivery.address)
                .setParameter(4, now)
                .getResultList();
    }

    private Claim claim(List<Delivery> deliveries) {
        List<Claim.Held> held = new ArrayList<>();
        List<PageMessage> messages = new ArrayList<>();
        Page first = null;
        for (Delivery delivery : deliveries) {
            Page page = Page.findById(delivery.pageId);
            first = first == null ? page : first;
            held.add(new Claim.Held(delivery.id, page.id, delivery.attempts));
            messages.add(message(page));
        }
        Delivery one = deliveries.get(0);
        return new Claim(held, one.responderId, one.channel, new Notice(messages, one.address,
                first.textLanguage()), first.trace());
    }

    PageMessage message(Page page) {
        return new PageMessage(page.id, page.incidentId, page.assignmentId, page.category, page.severity,
                page.district, page.textLanguage(), page.ackDeadline, page.replyCode,
                tokens.url(page.id, page.ackExpiresAt), page.alert());
    }

    private void delivered(Page page, Delivery delivery, DeliveryResult result, Instant now) {
        tookBy(delivery, result);
        delivery.status = DeliveryStatus.DELIVERED;
        delivery.deliveredAt = now;
        delivery.providerStatus = result.detail();
        delivery.lastError = null;
        delivery.nextAttemptAt = null;
        backupsOf(delivery).forEach(Delivery::cancel); // it reached the responder: its backups are not needed
        outcomes.reached(delivery.channel, delivery.status);
        page.delivered(delivery.channel, now).ifPresent(outbox::record);
    }

    /** A gateway took it; if no receipt comes within the receipt timeout, its backup is paged anyway. */
    private void sent(Delivery delivery, DeliveryResult result, Instant now) {
        tookBy(delivery, result);
        delivery.status = DeliveryStatus.SENT;
        delivery.sentAt = now;
        delivery.providerStatus = result.detail();
        delivery.lastError = null;
        delivery.nextAttemptAt = null;
        backupsOf(delivery).stream().findFirst().ifPresent(b -> b.nextAttemptAt = now.plus(config.receiptTimeout()));
        outcomes.reached(delivery.channel, delivery.status);
    }

    /** This contact is given up: the next one is due at once, or, if none is left, the whole page failed. */
    private void failed(Page page, Delivery delivery, String reason, Instant now) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.failedAt = now;
        delivery.lastError = reason;
        delivery.nextAttemptAt = null;
        outcomes.reached(delivery.channel, delivery.status);
        Delivery.pending(page.id).stream().filter(d -> d.position > delivery.position).findFirst()
                .ifPresent(next -> next.nextAttemptAt = next.nextAttemptAt == null || next.nextAttemptAt.isAfter(now)
                        ? now : next.nextAttemptAt);
        if (Delivery.unsettled(page.id) > 0) {
            return;
        }
        String reasons = Delivery.ofPage(page.id).stream()
                .filter(d -> d.status == DeliveryStatus.FAILED)
                .map(d -> d.channel + ": " + d.lastError)
                .collect(Collectors.joining("; "));
        page.failed(reasons.length() > MAX_REASON ? reasons.substring(0, MAX_REASON) : reasons, now)
                .ifPresent(outbox::record);
    }

    private static void tookBy(Delivery delivery, DeliveryResult result) {
        delivery.provider = result.provider();
        delivery.providerMessageId = result.providerMessageId();
    }

    /** The pending backups right after this delivery, up to the next timed step. */
    private static List<Delivery> backupsOf(Delivery delivery) {
        List<Delivery> backups = new ArrayList<>();
        for (Delivery next : Delivery.ofPage(delivery.pageId)) {
            if (next.position <= delivery.position) {
                continue;
            }
            if (!next.isBackup()) {
                break;
            }
            if (next.status == DeliveryStatus.PENDING) {
                backups.add(next);
            }
        }
        return backups;
    }
}
