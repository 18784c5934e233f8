package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An override of a rotation: {@code responderId} is on call instead from {@code start} (inclusive) to {@code end}
 * (exclusive); with {@code replaces} set, only while that participant's turn would have them on call.
 */
public record Cover(UUID responderId, Instant start, Instant end, UUID replaces) {

    boolean appliesAt(Instant t, UUID scheduled) {
        return !t.isBefore(start) && t.isBefore(end) && (replaces == null || replaces.equals(scheduled));
    }
}
