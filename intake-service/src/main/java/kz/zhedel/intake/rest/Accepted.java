package kz.zhedel.intake.rest;

import java.util.UUID;

import kz.zhedel.intake.domain.IncidentStatus;

/** The immediate answer to a report. */
public record Accepted(UUID id, IncidentStatus status) {
}
