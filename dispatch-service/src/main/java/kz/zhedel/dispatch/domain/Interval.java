package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A stretch of time from {@code start} (inclusive) to {@code end} (exclusive). */
public record Interval(Instant start, Instant end) {

    /** The parts of [from, to) that none of {@code covered} overlaps, in order. */
    public static List<Interval> uncovered(Instant from, Instant to, List<Interval> covered) {
        List<Interval> gaps = new ArrayList<>();
        Instant reached = from;
        for (Interval interval : covered.stream().sorted(Comparator.comparing(Interval::start)).toList()) {
            if (!interval.end().isAfter(reached)) {
                continue;
            }
            if (interval.start().isAfter(reached)) {
                gaps.add(new Interval(reached, interval.start().isBefore(to) ? interval.start() : to));
            }
            reached = interval.end();
            if (!reached.isBefore(to)) {
                return gaps;
            }
        }
        if (reached.isBefore(to)) {
            gaps.add(new Interval(reached, to));
        }
        return gaps.stream().filter(g -> g.start().isBefore(g.end())).toList();
    }
}
