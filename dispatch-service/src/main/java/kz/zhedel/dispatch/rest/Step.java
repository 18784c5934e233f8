package kz.zhedel.dispatch.rest;

import jakarta.validation.constraints.Size;

/** Why a responder took a step on an assignment; kept with the assignment, never put into an event. */
public record Step(@Size(max = 300) String reason) {
}
