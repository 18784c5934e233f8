package kz.zhedel.platform.outbox;

import java.time.Clock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Published outbox rows are kept a while for investigations, then deleted. */
@ApplicationScoped
public class OutboxPurge {

    @Inject
    Clock clock;

    @Inject
    OutboxConfig config;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("publishedAt < ?1",
                clock.instant().minus(config.retention())));
    }
}
