package kz.zhedel.intake.rest;

import java.time.Instant;

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

/** What a partner posts. Unknown fields are rejected (400), so a misspelt field is never silently dropped. */
public record IncidentReport(
        @NotBlank @Size(max = 100) String externalRef,
        @NotNull Category category,
        @NotNull Severity severity,
        @NotNull District district,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, '.', '_' or '-' only")
        String schoolId,
        @PastOrPresent Instant occurredAt,
        @NotNull @Valid Child child,
        @Valid Reporter reporter,
        @Size(max = 4000) String summary) {

    public record Child(
            @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @NotNull @MinorBirthYear Integer birthYear,
            Gender gender,
            @NotNull Language language) {
    }

    public record Reporter(
            @Size(max = 200) String name,
            @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()-]{5,32}", message = "must be a phone number") String phone,
            ReporterRole role) {
    }
}
