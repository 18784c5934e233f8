package kz.zhedel.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final RateLimit limit = new RateLimit(3, Duration.ofMinutes(10));

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void theWindowEndsNow() {
        assertEquals(minutesAgo(10), limit.windowStart(NOW));
    }

    @Test
    void belowTheLimitAMessageLeavesAtOnce() {
        assertTrue(limit.heldUntil(List.of(), 0, NOW).isEmpty());
        assertTrue(limit.heldUntil(List.of(minutesAgo(1), minutesAgo(2)), 0, NOW).isEmpty());
        assertTrue(limit.heldUntil(List.of(minutesAgo(1)), 1, NOW).isEmpty());
    }

    @Test
    void atTheLimitAPageIsHeldUntilTheOldestCountedMessageLeavesTheWindow() {
        List<Instant> latestFirst = List.of(minutesAgo(1), minutesAgo(4), minutesAgo(7));
        assertEquals(minutesAgo(7).plus(Duration.ofMinutes(10)), limit.heldUntil(latestFirst, 0, NOW).orElseThrow());
        assertEquals(minutesAgo(7).plus(Duration.ofMinutes(10)), limit.heldUntil(latestFirst, 2, NOW).orElseThrow(),
                "sends in flight change nothing once the window is full of sent messages");
    }

    @Test
    void sendsInFlightCountAndLeaveTheWindowAWindowFromNow() {
        assertEquals(NOW.plus(Duration.ofMinutes(10)),
                limit.heldUntil(List.of(minutesAgo(1), minutesAgo(2)), 1, NOW).orElseThrow());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), limit.heldUntil(List.of(), 3, NOW).orElseThrow());
    }
}
