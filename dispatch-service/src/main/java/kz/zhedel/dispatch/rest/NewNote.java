package kz.zhedel.dispatch.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator's note on an incident: may name a child, so sealed at rest and shown only in their views. */
public record NewNote(@NotBlank @Size(max = 2000) String text) {
}
