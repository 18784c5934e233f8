package kz.zhedel.platform.deadletter;

import java.time.Instant;

/**
 * One record on the service's dead-letter topic, as ops sees it: never the payload. {@code id} names the record
 * ({@code partition-offset}); {@code processed} says whether its event has since been applied (its CloudEvent id is
 * in the inbox), e.g. after a replay.
 */
public record DeadLetter(String id, String type, String eventId, String key, String topic, String reason,
        Instant deadLetteredAt, boolean processed) {
}
