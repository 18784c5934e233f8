package kz.zhedel.dispatch.rest;

import java.util.List;

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

    public record ContactMethod(@NotNull Channel channel, @NotBlank @Size(max = 500) String address) {
    }
}
