package kz.zhedel.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import kz.zhedel.notification.channel.DeliveryResult;
import kz.zhedel.notification.channel.PageChannels;
import kz.zhedel.notification.config.DeliveryConfig;
import kz.zhedel.platform.tracing.LaterWork;

/**
 * Sends due deliveries. The database is the schedule: a dispatcher thread claims due rows (woken after a page
 * request commits, after each finished send, and by a poll) and hands them to a pool of senders, which call the
 * channel outside any transaction and record the result in a new one. The poll runs on the dispatcher's own timer:
 * Quarkus' {@code @Scheduled} does not go below one second, and retries are meant to leave close to their time.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryLedger ledger;

    @Inject
    PageChannels channels;

    @Inject
    MeterRegistry metrics;

    @Inject
    LaterWork laterWork;

    private final int concurrency;
    private final Duration pollInterval;
    private final ScheduledExecutorService dispatcher = Executors
            .newSingleThreadScheduledExecutor(r -> new Thread(r, "page-dispatcher"));
    private final ExecutorService senders;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    DeliveryWorker(DeliveryConfig config) {
        this.concurrency = config.concurrency();
        this.pollInterval = config.pollInterval();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency,
                r -> new Thread(r, "page-sender-" + threads.incrementAndGet()));
    }

    /** The safety net for retries coming due, lost wakes and leases of a crashed instance running out. */
    void onStart(@Observes StartupEvent event) {
        dispatcher.scheduleWithFixedDelay(this::wake, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        dispatcher.shutdown();
        senders.shutdown();
        // Sends cut short here are sent again by whoever claims them after the lease.
        senders.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Asks for a claim round; wakes coalesce while one is queued. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::dispatch);
            } catch (RejectedExecutionException e) {
                // shutting down: what is due stays due for the next start or another instance
            }
        }
    }

    private void dispatch() {
        pending.set(false);
        try {
            int free;
            while ((free = concurrency - inFlight.get()) > 0) {
                List<Claim> claims = ledger.claimDue(free);
                claims.forEach(this::submit);
                if (claims.size() < free) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("delivery worker paused, the next poll retries: %s", e.getMessage());
        }
    }

    private void submit(Claim claim) {
        inFlight.incrementAndGet();
        senders.execute(() -> {
            try {
                // in the incident's trace: the page delivered (or failed) that the outbox announces continues it
                laterWork.inTrace(claim.trace(), "deliver page", () -> {
                    DeliveryResult result = send(claim);
                    metrics.counter("zhedel.page.delivery.attempts", "channel", claim.channel().name(),
                            "outcome", result.outcome().name()).increment();
                    ledger.record(claim, result);
                });
            } catch (RuntimeException e) {
                LOG.warnf("result of delivery %d not recorded, it is sent again after its lease: %s",
                        claim.firstDeliveryId(), e.getMessage());
            } finally {
                inFlight.decrementAndGet();
                wake(); // a freed slot, and maybe the next contact of a failed one is due now
            }
        });
    }

    private DeliveryResult send(Claim claim) {
        return channels.of(claim.channel())
                .map(channel -> {
                    try {
                        return channel.send(claim.notice());
                    } catch (RuntimeException e) {
                        // the class only: a message may quote the address
                        LOG.warnf("channel %s failed on delivery %d: %s", claim.channel(), claim.firstDeliveryId(),
                                e.getClass().getName());
                        return DeliveryResult.transientFailure("channel error");
                    }
                })
                .orElseGet(() -> DeliveryResult.permanentFailure("channel not available"));
    }
}
