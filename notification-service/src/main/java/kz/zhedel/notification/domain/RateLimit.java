package kz.zhedel.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per responder and channel: at most {@code maxMessages} messages within {@code window}, sends in flight counting
 * too. A page beyond it is held until the window lets the next message through, then leaves bundled with every
 * other page held for the same contact.
 */
public record RateLimit(int maxMessages, Duration window) {

    /** Messages sent after this count towards the window ending at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * When the next message may leave, if not now. {@code latestSent}: when the latest messages of the window left,
     * latest first (no more than {@code maxMessages} are needed); {@code inFlight}: sends claimed and not back yet.
     */
    public Optional<Instant> heldUntil(List<Instant> latestSent, long inFlight, Instant now) {
        if (latestSent.size() + inFlight < maxMessages) {
            return Optional.empty();
        }
        // the oldest message that still counts leaves the window first; in-flight sends leave it a window from now
        Instant oldestCounted = latestSent.size() >= maxMessages ? latestSent.get(maxMessages - 1) : now;
        return Optional.of(oldestCounted.plus(window));
    }
}
