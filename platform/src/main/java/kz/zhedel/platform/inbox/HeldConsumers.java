package kz.zhedel.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The consumer channels that an outage holds on one record: since when, how many attempts, the last error. A held
 * channel takes no new records until that one goes through; readiness reports each ({@link EventConsumersCheck}).
 */
@ApplicationScoped
public class HeldConsumers {

    /** One channel held on one record. */
    public record Hold(Instant since, int attempts, String lastError) {
    }

    @Inject
    Clock clock;

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    /** Another attempt at the channel's current record failed for an outage. */
    void failed(String channel, Throwable error) {
        String message = String.valueOf(rootMessage(error));
        holds.merge(channel, new Hold(clock.instant(), 1, message),
                (held, next) -> new Hold(held.since(), held.attempts() + 1, message));
    }

    /** The channel's record went through (or is no longer tried). */
    void released(String channel) {
        holds.remove(channel);
    }

    public Map<String, Hold> current() {
        return Map.copyOf(holds);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
