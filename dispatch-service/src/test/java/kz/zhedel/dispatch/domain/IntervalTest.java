package kz.zhedel.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntervalTest {

    static Instant h(int hour) {
        return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(3600L * hour);
    }

    static Interval of(int from, int to) {
        return new Interval(h(from), h(to));
    }

    @Test
    void nothingCoveredIsOneGap() {
        assertEquals(List.of(of(0, 24)), Interval.uncovered(h(0), h(24), List.of()));
    }

    @Test
    void overlappingAndTouchingIntervalsMergeAndOnlyHolesRemain() {
        List<Interval> covered = List.of(of(13, 15), of(10, 14), of(15, 16), of(18, 30), of(-5, 2));
        assertEquals(List.of(of(2, 10), of(16, 18)), Interval.uncovered(h(0), h(24), covered));
    }

    @Test
    void fullyCoveredHasNoGaps() {
        assertEquals(List.of(), Interval.uncovered(h(0), h(24), List.of(of(-1, 12), of(12, 25))));
    }

    @Test
    void coverEndingExactlyAtTheStartLeavesTheWholeWindowOpen() {
        assertEquals(List.of(of(0, 5)), Interval.uncovered(h(0), h(5), List.of(of(-3, 0), of(5, 8))));
    }
}
