package kz.zhedel.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.zhedel.intake.domain.PartnerKind;

/** A partner system to register; {@code id} becomes the principal of its keys and tokens. */
public record NewPartner(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
                message = "lower-case letters, digits, '.', '_' or '-' only") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind) {
}
