package kz.zhedel.dispatch.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/**
 * A partial edit of a responder (PATCH): absent fields stay as they are; a given list replaces the stored one.
 * {@code role} cannot change (rotations, shifts and assignments hang on it): enrol the person anew instead.
 */
public record ResponderChanges(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        ResponderRole role,
        @Size(min = 1, message = "must not be empty") List<@NotNull District> districts,
        @Size(min = 1, message = "must not be empty") List<@NotNull Language> languages,
        @Size(min = 1, max = 10) List<NewResponder.@NotNull @Valid ContactMethod> contacts) {
}
