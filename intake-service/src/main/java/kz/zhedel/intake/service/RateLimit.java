package kz.zhedel.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.intake.config.IntakeConfig;

/**
 * A fixed window of requests per partner, in memory: enough to stop a partner system in a retry loop from crowding
 * out the others. Each instance counts on its own.
 */
@ApplicationScoped
public class RateLimit {

    /** Thrown when a partner has used up its window; {@code retryAfter} is when the next one opens. */
    public static class Exceeded extends RuntimeException {

        private final Duration retryAfter;

        Exceeded(String partnerId, int limit, Duration period, Duration retryAfter) {
            super("partner " + partnerId + " may make " + limit + " requests per " + period + "; retry later");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private record Window(Instant start, int used) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    /** Counts one request of the partner, or throws {@link Exceeded} if its window is used up. */
    public void acquire(String partnerId) {
        Duration period = config.rateLimit().period();
        int limit = config.rateLimit().partners().getOrDefault(partnerId, config.rateLimit().requests());
        Instant now = clock.instant();
        Window window = windows.compute(partnerId, (id, w) -> w == null || !now.isBefore(w.start().plus(period))
                ? new Window(now, 1)
                : new Window(w.start(), w.used() + 1));
        if (window.used() > limit) {
            Duration left = Duration.between(now, window.start().plus(period));
            throw new Exceeded(partnerId, limit, period, left);
        }
    }
}
