package kz.zhedel.dispatch.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The arithmetic of a rotation, free of any storage. Hand-offs happen at {@code handoffTime} local time in
 * {@link #ZONE} every day (DAILY) or every {@code handoffDay} (WEEKLY); the first participant is on call from
 * {@code start} until the first hand-off after it, and at t the participant on call is
 * {@code participants[(hand-offs in (start, t]) mod n]}. Counting local dates rather than dividing durations keeps
 * the hand-off at the same wall-clock time should the zone's offset ever change.
 */
public record RotationSchedule(Handoff handoff, LocalTime handoffTime, DayOfWeek handoffDay, Instant start,
        List<UUID> participants) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    public RotationSchedule {
        if (handoff == Handoff.WEEKLY && handoffDay == null) {
            throw new IllegalArgumentException("a weekly rotation needs a hand-off day");
        }
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs participants");
        }
        participants = List.copyOf(participants);
    }

    /** The participant whose turn it is at t; empty before the rotation starts. */
    public Optional<UUID> participantAt(Instant t) {
        if (t.isBefore(start)) {
            return Optional.empty();
        }
        long handoffs = handoffsBetween(start, t);
        return Optional.of(participants.get((int) (handoffs % participants.size())));
    }

    /** The first hand-off strictly after t. */
    public Instant nextHandoffAfter(Instant t) {
        LocalDate date = firstHandoffDateOnOrAfter(t.atZone(ZONE).toLocalDate());
        Instant candidate = at(date);
        return candidate.isAfter(t) ? candidate : at(date.plusDays(stepDays()));
    }

    /** Who is on call in [from, to), with the overrides applied; consecutive equal duties are merged. */
    public List<OnCallSlot> slots(Instant from, Instant to, List<Cover> covers) {
        TreeSet<Instant> bounds = new TreeSet<>();
        Instant t = from.isBefore(start) ? start : from;
        if (!t.isBefore(to)) {
            return List.of();
        }
        for (Instant h = t; h.isBefore(to); h = nextHandoffAfter(h)) {
            bounds.add(h);
        }
        for (Cover cover : covers) {
            for (Instant edge : List.of(cover.start(), cover.end())) {
                if (edge.isAfter(t) && edge.isBefore(to)) {
                    bounds.add(edge);
                }
            }
        }
        bounds.add(to);
        List<OnCallSlot> slots = new ArrayList<>();
        Instant segmentStart = bounds.pollFirst();
        for (Instant segmentEnd : bounds) {
            Duty duty = onCall(segmentStart, covers).orElseThrow();
            OnCallSlot piece = new OnCallSlot(duty.responderId(), segmentStart, segmentEnd, duty.covering());
            OnCallSlot last = slots.isEmpty() ? null : slots.get(slots.size() - 1);
            if (last != null && last.responderId().equals(piece.responderId()) && last.covering() == piece.covering()
                    && last.end().equals(piece.start())) {
                slots.set(slots.size() - 1, new OnCallSlot(last.responderId(), last.start(), piece.end(),
                        last.covering()));
            } else {
                slots.add(piece);
            }
            segmentStart = segmentEnd;
        }
        return slots;
    }

    /** Who is on call at t, with the overrides applied (the last-listed cover that applies wins). */
    public Optional<Duty> onCall(Instant t, List<Cover> covers) {
        return participantAt(t).map(scheduled -> {
            for (int i = covers.size() - 1; i >= 0; i--) {
                if (covers.get(i).appliesAt(t, scheduled)) {
                    return new Duty(covers.get(i).responderId(), true);
                }
            }
            return new Duty(scheduled, false);
        });
    }

    /** The responder on call and whether they cover for the scheduled participant. */
    public record Duty(UUID responderId, boolean covering) {
    }

    /** Hand-offs h with from < h <= to. */
    long handoffsBetween(Instant from, Instant to) {
        LocalDate first = firstHandoffDateOnOrAfter(from.atZone(ZONE).toLocalDate());
        if (!at(first).isAfter(from)) {
            first = first.plusDays(stepDays());
        }
        LocalDate last = lastHandoffDateOnOrBefore(to.atZone(ZONE).toLocalDate());
        if (at(last).isAfter(to)) {
            last = last.minusDays(stepDays());
        }
        return last.isBefore(first) ? 0 : ChronoUnit.DAYS.between(first, last) / stepDays() + 1;
    }

    private LocalDate firstHandoffDateOnOrAfter(LocalDate date) {
        return handoff == Handoff.DAILY ? date : date.with(TemporalAdjusters.nextOrSame(handoffDay));
    }

    private LocalDate lastHandoffDateOnOrBefore(LocalDate date) {
        return handoff == Handoff.DAILY ? date : date.with(TemporalAdjusters.previousOrSame(handoffDay));
    }

    private int stepDays() {
        return handoff == Handoff.DAILY ? 1 : 7;
    }

    private Instant at(LocalDate date) {
        return date.atTime(handoffTime).atZone(ZONE).toInstant();
    }
}
