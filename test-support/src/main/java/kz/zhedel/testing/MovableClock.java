package kz.zhedel.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests: real time, moved to a moment or forward by a step when a test needs time to
 * pass (a shift to begin, a deadline or window to run out). It ticks in microseconds, as the production clock
 * ({@code platform.time.Clocks}) and PostgreSQL do, so an instant read from it equals the one stored.
 * <p>
 * A service's tests take it as the application's {@link Clock} by indexing this module in their test profile
 * ({@code %test.quarkus.index-dependency.test-support.*}); it then replaces the platform's default clock.
 */
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves "now" to {@code moment} (time keeps running from there) and returns it. */
    public Instant travelTo(Instant moment) {
        offset.set(Duration.between(Instant.now(), moment));
        return moment;
    }

    /** Moves "now" forward by {@code step}. */
    public void advance(Duration step) {
        offset.updateAndGet(current -> current.plus(step));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone: a later move shows in both. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new MovableClock(offset, other);
    }
}
