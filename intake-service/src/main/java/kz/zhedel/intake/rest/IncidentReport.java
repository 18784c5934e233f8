package kz.zhedel.intake.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;
import kz.zhedel.intake.domain.Gender;
import kz.zhedel.intake.domain.ReporterRole;

/**
 * What a partner posts. Unknown fields are rejected (400), so a misspelt field is never silently dropped; values of
 * the wrong JSON type are not coerced ({@code "2013"} is not a year).
 */
public record IncidentReport(
        @NotBlank @Size(max = 100) @Pattern(regexp = REF, message = REF_MESSAGE) String externalRef,
        @NotNull Category category,
        @NotNull Severity severity,
        @NotNull District district,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, '.', '_' or '-' only")
        String schoolId,
        @PastOrPresent @JsonDeserialize(using = IsoInstant.class) Instant occurredAt,
        @NotNull @Valid Child child,
        @Valid Reporter reporter,
        @Size(max = 4000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String summary) {

    static final String REF = "[\\p{L}\\p{N}._:/#-]*";
    static final String REF_MESSAGE = "letters, digits, '.', '_', ':', '/', '#' or '-' only";
    /** A person's name in any script: letters, combining marks, spaces, dots, apostrophes, hyphens. */
    static final String NAME = "([\\p{L}\\p{M}][\\p{L}\\p{M} .'\u2019-]*)?";
    static final String NAME_MESSAGE = "letters, spaces, dots, apostrophes or hyphens only";
    /** Free text: anything but control characters other than tab and line breaks. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String TEXT_MESSAGE = "must not contain control characters";

    public record Child(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
            @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
            @NotNull @MinorBirthYear Integer birthYear,
            Gender gender,
            @NotNull Language language) {
    }

    public record Reporter(
            @Size(max = 200) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()-]{5,32}", message = "must be a phone number") String phone,
            ReporterRole role) {
    }
}
