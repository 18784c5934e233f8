package kz.zhedel.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The hand-off arithmetic, in Almaty local time (UTC+5). */
class RotationScheduleTest {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RotationSchedule.ZONE).toInstant();
    }

    static RotationSchedule daily(LocalTime handoff, String start) {
        return new RotationSchedule(Handoff.DAILY, handoff, null, almaty(start), List.of(A, B, C));
    }

    @Test
    void almatyIsFiveHoursAheadOfUtc() {
        assertEquals(Instant.parse("2030-03-04T19:00:00Z"), almaty("2030-03-05T00:00"));
    }

    @Test
    void dailyHandoffAtMidnightPassesDutyOnAndWrapsAround() {
        RotationSchedule schedule = daily(LocalTime.MIDNIGHT, "2030-03-04T12:00");
        assertEquals(Optional.empty(), schedule.participantAt(almaty("2030-03-04T11:59:59")), "before start");
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-04T12:00")));
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-04T23:59:59.999999")));
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-03-05T00:00")), "hand-off at midnight");
        assertEquals(Optional.of(C), schedule.participantAt(almaty("2030-03-06T08:00")));
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-07T00:00")), "wraps around");
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-04-04T00:00")), "31 hand-offs later");
        assertEquals(almaty("2030-03-05T00:00"), schedule.nextHandoffAfter(almaty("2030-03-04T12:00")));
        assertEquals(almaty("2030-03-06T00:00"), schedule.nextHandoffAfter(almaty("2030-03-05T00:00")));
    }

    @Test
    void startingExactlyAtAHandoffIsNotAHandoff() {
        RotationSchedule schedule = daily(LocalTime.of(9, 0), "2030-03-04T09:00");
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-05T08:59")));
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-03-05T09:00")));
    }

    @Test
    void weeklyHandoffOnTheGivenDayAcrossWeeks() {
        // 2030-03-04 is a Monday; hand-off Mondays 09:00
        RotationSchedule schedule = new RotationSchedule(Handoff.WEEKLY, LocalTime.of(9, 0), DayOfWeek.MONDAY,
                almaty("2030-03-06T15:00"), List.of(A, B));
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-11T08:59:59")), "until next Monday");
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-03-11T09:00")));
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-03-17T23:00")), "all week");
        assertEquals(Optional.of(A), schedule.participantAt(almaty("2030-03-18T09:00")));
        assertEquals(Optional.of(B), schedule.participantAt(almaty("2030-03-25T09:00")));
        assertEquals(almaty("2030-03-11T09:00"), schedule.nextHandoffAfter(almaty("2030-03-06T15:00")));
        assertEquals(almaty("2030-03-18T09:00"), schedule.nextHandoffAfter(almaty("2030-03-11T09:00")));
    }

    @Test
    void slotsListTurnsAndMergeNothingAcrossDifferentPeople() {
        RotationSchedule schedule = daily(LocalTime.MIDNIGHT, "2030-03-04T12:00");
        List<OnCallSlot> slots = schedule.slots(almaty("2030-03-04T00:00"), almaty("2030-03-06T06:00"), List.of());
        assertEquals(List.of(
                new OnCallSlot(A, almaty("2030-03-04T12:00"), almaty("2030-03-05T00:00"), false),
                new OnCallSlot(B, almaty("2030-03-05T00:00"), almaty("2030-03-06T00:00"), false),
                new OnCallSlot(C, almaty("2030-03-06T00:00"), almaty("2030-03-06T06:00"), false)), slots);
    }

    @Test
    void anOverrideCoversItsWindowAndOnlyTheReplacedParticipant() {
        RotationSchedule schedule = daily(LocalTime.MIDNIGHT, "2030-03-04T00:00");
        Cover forB = new Cover(D, almaty("2030-03-04T18:00"), almaty("2030-03-05T06:00"), B);
        Cover anyone = new Cover(D, almaty("2030-03-06T10:00"), almaty("2030-03-06T12:00"), null);
        List<Cover> covers = List.of(forB, anyone);

        assertEquals(A, schedule.onCall(almaty("2030-03-04T20:00"), covers).orElseThrow().responderId(),
                "the override replaces B, not A");
        assertEquals(new RotationSchedule.Duty(D, true), schedule.onCall(almaty("2030-03-05T01:00"), covers)
                .orElseThrow());
        assertEquals(new RotationSchedule.Duty(B, false), schedule.onCall(almaty("2030-03-05T06:00"), covers)
                .orElseThrow(), "end is exclusive");
        assertEquals(D, schedule.onCall(almaty("2030-03-06T11:00"), covers).orElseThrow().responderId());

        assertEquals(List.of(
                new OnCallSlot(D, almaty("2030-03-05T00:00"), almaty("2030-03-05T06:00"), true),
                new OnCallSlot(B, almaty("2030-03-05T06:00"), almaty("2030-03-06T00:00"), false)),
                schedule.slots(almaty("2030-03-05T00:00"), almaty("2030-03-06T00:00"), covers));
    }

    @Test
    void theLatestOverrideWins() {
        RotationSchedule schedule = daily(LocalTime.MIDNIGHT, "2030-03-04T00:00");
        List<Cover> covers = List.of(new Cover(C, almaty("2030-03-04T00:00"), almaty("2030-03-05T00:00"), null),
                new Cover(D, almaty("2030-03-04T06:00"), almaty("2030-03-04T07:00"), null));
        assertEquals(D, schedule.onCall(almaty("2030-03-04T06:30"), covers).orElseThrow().responderId());
        assertEquals(C, schedule.onCall(almaty("2030-03-04T07:00"), covers).orElseThrow().responderId());
    }

    @Test
    void aWeeklyRotationNeedsItsDay() {
        assertThrows(IllegalArgumentException.class, () -> new RotationSchedule(Handoff.WEEKLY, LocalTime.NOON, null,
                Instant.EPOCH, List.of(A)));
        assertTrue(daily(LocalTime.NOON, "2030-01-01T00:00").slots(almaty("2029-01-01T00:00"),
                almaty("2029-12-31T00:00"), List.of()).isEmpty(), "nothing before the start");
    }
}
