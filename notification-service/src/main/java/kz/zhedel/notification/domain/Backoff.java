package kz.zhedel.notification.domain;

import java.time.Duration;

/**
 * Retries of one contact: {@code initial} after the first failed try, doubled after each further one up to
 * {@code max}; after {@code maxAttempts} tries the contact has failed.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    /** Whether {@code attempts} tries are all this contact gets. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after {@code failedAttempts} failed tries (at least one). */
    public Duration after(int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
