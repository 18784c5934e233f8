package kz.zhedel.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests: real time, shifted to a moment a test chooses. Who is on shift depends on
 * "now", and the tests of this JVM share one database, so each dispatch test travels to an hour of its own where
 * only its own shifts exist.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves "now" to {@code moment} (time keeps running from there) and returns it. */
    public Instant travelTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
        return moment;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
