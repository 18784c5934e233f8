package kz.zhedel.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesAfterEachFailedTry() {
        assertEquals(Duration.ofSeconds(2), backoff.after(1));
        assertEquals(Duration.ofSeconds(4), backoff.after(2));
        assertEquals(Duration.ofSeconds(8), backoff.after(3));
        assertEquals(Duration.ofSeconds(16), backoff.after(4));
    }

    @Test
    void theWaitStopsGrowingAtTheCap() {
        assertEquals(Duration.ofSeconds(256), backoff.after(8));
        assertEquals(Duration.ofMinutes(5), backoff.after(9));
        assertEquals(Duration.ofMinutes(5), backoff.after(1_000));
        assertEquals(Duration.ofSeconds(3), new Backoff(5, Duration.ofSeconds(10), Duration.ofSeconds(3)).after(1));
    }

    @Test
    void aContactGetsMaxAttemptsTries() {
        assertFalse(backoff.exhausted(4));
        assertTrue(backoff.exhausted(5));
        assertTrue(backoff.exhausted(6));
    }
}
