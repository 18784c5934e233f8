package kz.zhedel.dispatch.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.zhedel.events.CancelReason;

/** Why the coordinator cancels an incident; {@code comment}, their own words, stays in dispatch (sealed). */
public record Cancellation(@NotNull CancelReason reason, @Size(max = 2000) String comment) {
}
