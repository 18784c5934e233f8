package kz.zhedel.dispatch.rest;

import java.time.Instant;
import java.util.UUID;

import kz.zhedel.dispatch.domain.Shift;

public record ShiftView(UUID id, UUID responderId, Instant start, Instant end) {

    public static ShiftView of(Shift shift) {
        return new ShiftView(shift.id, shift.responderId, shift.startsAt, shift.endsAt);
    }
}
