package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A responder's on-call time, {@code start} inclusive to {@code end} exclusive. */
@EndAfterStart
public record NewShift(@NotNull @KnownResponder UUID responderId, @NotNull Instant start, @NotNull Instant end)
        implements Windowed {
}
