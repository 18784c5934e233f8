package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the events consumer is behind the topics: one of its polls brought a large batch a moment ago (live traffic
 * brings a few events per poll; a rebuild, a seed or a backlog after an outage brings thousands, though a poll of one
 * topic's fetch may bring a few hundred between two large ones: hence the window, not the last poll alone). While it
 * is, the rollup waits longer for the days that keep changing ({@link RollupConfig#catchUpMaxDelay}): rolling up a
 * day whose incidents are still arriving is work done again minutes later, taken from the consumer meanwhile.
 */
@ApplicationScoped
public class CatchUp {

    @Inject
    RollupConfig config;

    @Inject
    Clock clock;

    private volatile Instant lastLargeBatch = Instant.MIN;

    /** The consumer polled a batch of this many records. */
    public void polled(int records) {
        if (records >= config.catchUpBatch()) {
            lastLargeBatch = clock.instant();
        }
    }

    public boolean behind() {
        return clock.instant().isBefore(lastLargeBatch.plus(config.catchUpWindow()));
    }
}
