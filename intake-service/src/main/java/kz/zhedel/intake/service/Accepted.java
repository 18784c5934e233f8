package kz.zhedel.intake.service;

import java.util.UUID;

import kz.zhedel.intake.domain.IncidentStatus;

/** The immediate answer to a report, and what a repeat of it with the same Idempotency-Key gets again. */
public record Accepted(UUID id, IncidentStatus status) {
}
