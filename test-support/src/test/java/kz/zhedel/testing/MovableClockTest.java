package kz.zhedel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The tests' clock: moved to a moment or forward, always at PostgreSQL's precision. */
class MovableClockTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void ticksInMicroseconds() {
        for (int i = 0; i < 1_000; i++) {
            Instant now = clock.instant();
            assertEquals(now.truncatedTo(ChronoUnit.MICROS), now);
        }
    }

    @Test
    void travelsToAMomentAndKeepsRunningFromThere() {
        Instant moment = Instant.parse("2041-03-01T03:00:00Z");
        assertEquals(moment, clock.travelTo(moment));
        Instant now = clock.instant();
        assertTrue(!now.isBefore(moment) && now.isBefore(moment.plusSeconds(60)), now.toString());
    }

    @Test
    void advancesByAStep() {
        Instant before = clock.instant();
        clock.advance(Duration.ofHours(2));
        Duration moved = Duration.between(before, clock.instant());
        assertTrue(moved.compareTo(Duration.ofHours(2)) >= 0 && moved.compareTo(Duration.ofHours(2).plusMinutes(1)) < 0,
                moved.toString());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void inAnotherZoneItIsTheSameMovingTime() {
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        var there = clock.withZone(almaty);
        clock.travelTo(Instant.parse("2041-03-01T03:00:00Z"));
        assertEquals(almaty, there.getZone());
        assertTrue(Duration.between(Instant.parse("2041-03-01T03:00:00Z"), there.instant()).abs()
                .compareTo(Duration.ofMinutes(1)) < 0, there.instant().toString());
    }
}
