package kz.zhedel.dispatch.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.zhedel.events.ResponderRole;

/**
 * A responder the coordinator names for an incident: {@code role} defaults to that of the assignment replaced, else
 * the responder's own; {@code replaces} (an assignment of the incident) is handed on to them; {@code reason}, the
 * coordinator's own words, stays in dispatch (sealed) and never enters an event or a page.
 */
public record NewAssignment(@NotNull @KnownResponder UUID responderId, ResponderRole role,
        @NotBlank @Size(max = 2000) String reason, UUID replaces) {
}
