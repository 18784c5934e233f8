package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/** A responder on call from {@code start} (inclusive) to {@code end} (exclusive); {@code covering} via an override. */
public record OnCallSlot(UUID responderId, Instant start, Instant end, boolean covering) {
}
