package kz.zhedel.reporting.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import kz.zhedel.testing.MovableClock;

class CatchUpTest {

    /** A 500-record batch or lag means catching up, for 10 s after a batch. */
    private static final RollupConfig CONFIG = new RollupConfig() {
        public Duration every() {
            return Duration.ofSeconds(1);
        }

        public Duration quiet() {
            return Duration.ofSeconds(3);
        }

        public Duration maxDelay() {
            return Duration.ofMinutes(5);
        }

        public Duration catchUpMaxDelay() {
            return Duration.ofMinutes(30);
        }

        public int catchUpBatch() {
            return 500;
        }

        public Duration catchUpWindow() {
            return Duration.ofSeconds(10);
        }
    };

    private final MovableClock clock = new MovableClock();
    private final AtomicReference<Double> lag = new AtomicReference<>(Double.NaN);
    private final CatchUp catchUp = new CatchUp(CONFIG, clock, () -> lag.get());

    @Test
    void aServiceJustStartedCountsAsBehindUntilItsFirstWindowHasPassed() {
        assertTrue(catchUp.behind(), "its consumer has not polled yet");
        clock.advance(Duration.ofSeconds(11));
        assertFalse(catchUp.behind(), "no large batch, no lag measured");
    }

    @Test
    void aLargeBatchMeansBehindForTheWindowAfterItWhateverSmallBatchesCameBetween() {
        clock.advance(Duration.ofSeconds(11));
        catchUp.polled(500);
        clock.advance(Duration.ofSeconds(6));
        catchUp.polled(3);
        assertTrue(catchUp.behind());
        clock.advance(Duration.ofSeconds(5));
        assertFalse(catchUp.behind());
    }

    @Test
    void aLagOfTheBatchSizeMeansBehindAsLongAsTheClientMeasuresIt() {
        clock.advance(Duration.ofSeconds(11));
        lag.set(499.0);
        assertFalse(catchUp.behind());
        lag.set(500.0);
        assertTrue(catchUp.behind(), "polls of a few hundred records, but a backlog on a partition");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(catchUp.behind());
        lag.set(0.0);
        assertFalse(catchUp.behind());
    }
}
