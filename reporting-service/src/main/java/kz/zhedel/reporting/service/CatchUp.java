package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the events consumer is behind the topics: the Kafka client measures a lag of at least
 * {@link RollupConfig#catchUpBatch} records on one of its partitions, or one of its polls brought a batch that large
 * a moment ago (live traffic brings a few events per poll; a rebuild, a seed or a backlog after an outage brings
 * thousands, though a poll of one topic's fetch may bring a few hundred between two large ones: hence the window, not
 * the last poll alone). A service that has just started does not know yet: it counts as behind for the first window,
 * the time its consumer needs to join its group and poll. While it is behind, the rollup waits longer for the days
 * that keep changing ({@link RollupConfig#catchUpMaxDelay}): rolling up a day whose incidents are still arriving is
 * work done again minutes later, taken from the consumer meanwhile.
 */
@ApplicationScoped
public class CatchUp {

    /** The Kafka client's largest lag of a partition over its last sample window (Micrometer's Kafka binder). */
    public static final String LAG = "kafka.consumer.fetch.manager.records.lag.max";

    private final RollupConfig config;
    private final Clock clock;
    private final DoubleSupplier lag;
    private volatile Instant lastLargeBatch;

    @Inject
    CatchUp(RollupConfig config, Clock clock, MeterRegistry registry) {
        this(config, clock, () -> largestLag(registry));
    }

    CatchUp(RollupConfig config, Clock clock, DoubleSupplier lag) {
        this.config = config;
        this.clock = clock;
        this.lag = lag;
        this.lastLargeBatch = clock.instant();
    }

    /** The consumer polled a batch of this many records. */
    public void polled(int records) {
        if (records >= config.catchUpBatch()) {
            lastLargeBatch = clock.instant();
        }
    }

    public boolean behind() {
        return clock.instant().isBefore(lastLargeBatch.plus(config.catchUpWindow()))
                || lag.getAsDouble() >= config.catchUpBatch();
    }

    /** The largest lag any consumer of this service measured lately (NaN where it measured none: not behind). */
    private static double largestLag(MeterRegistry registry) {
        double largest = 0;
        for (Gauge gauge : registry.find(LAG).gauges()) {
            double value = gauge.value();
            if (value > largest) {
                largest = value;
            }
        }
        return largest;
    }
}
