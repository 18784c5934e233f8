package kz.zhedel.dispatch.rest;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/** What ops posts to enrol a responder. Languages and contacts are kept in the given order. */
public record NewResponder(
        @NotBlank @Size(max = 200) String name,
        @NotNull ResponderRole role,
        @NotEmpty List<@NotNull District> districts,
        @NotEmpty List<@NotNull Language> languages,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid ContactMethod> contacts) {

    /**
     * {@code delay} (ISO-8601, e.g. {@code PT1M}): page this contact that long after the page request, even when an
     * earlier one reached the responder. Without it the first contact is paged at once and a later one only when
     * the contact before it failed.
     */
    public record ContactMethod(@NotNull Channel channel, @NotBlank @Size(max = 500) String address,
            @DurationMin(seconds = 0) @DurationMax(hours = 24) Duration delay) {
    }
}
