package kz.zhedel.dispatch.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.zhedel.dispatch.domain.Handoff;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

/**
 * A recurring rotation: {@code participants} take turns in the given order, the first from {@code start}, handing
 * off at {@code handoffTime} Asia/Almaty time every day, or every {@code handoffDay} for a WEEKLY rotation.
 */
public record NewRotation(
        @NotBlank @Size(max = 200) String name,
        @NotNull ResponderRole role,
        @NotEmpty List<@NotNull District> districts,
        @NotNull Handoff handoff,
        @NotNull LocalTime handoffTime,
        DayOfWeek handoffDay,
        @NotNull Instant start,
        @NotEmpty @Size(max = 100) List<@NotNull @KnownResponder UUID> participants) {
}
