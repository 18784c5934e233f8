package kz.zhedel.platform.time;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One injectable clock, so that tests can drive time instead of sleeping. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        // Microseconds, as PostgreSQL stores them: an event's time then equals the time stored with it.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
