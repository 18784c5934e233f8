package kz.zhedel.reporting.domain;

import java.time.Instant;
import java.util.Optional;

/** Incidents received in {@code [from, to)}; an absent bound is open. */
public record Period(Optional<Instant> from, Optional<Instant> to) {
}
