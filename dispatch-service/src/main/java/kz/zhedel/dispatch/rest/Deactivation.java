package kz.zhedel.dispatch.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why ops take a responder off the roster (leave, left the group...); kept with the responder and the audit. */
public record Deactivation(@NotBlank @Size(max = 300) String reason) {
}
