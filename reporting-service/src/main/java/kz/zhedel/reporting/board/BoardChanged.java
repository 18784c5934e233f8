package kz.zhedel.reporting.board;

import java.util.UUID;

/** An event about the incident was applied; observed after its transaction commits (see {@link BoardStream}). */
public record BoardChanged(UUID incidentId) {
}
