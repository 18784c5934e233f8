package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code responderId} covers the rotation from {@code start} (inclusive) to {@code end} (exclusive); with
 * {@code replaces}, only during that participant's turns.
 */
@EndAfterStart
public record NewOverride(@NotNull @KnownResponder UUID responderId, @NotNull Instant start, @NotNull Instant end,
        @KnownResponder UUID replaces) implements Windowed {
}
