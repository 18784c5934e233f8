package kz.zhedel.reporting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A series' bucket on the Asia/Almaty calendar: a day, a week from Monday, or a month. */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** The bucket's boundaries from the one holding {@code from} to the one holding the last instant before {@code to}. */
    public List<Period> cover(Instant from, Instant to) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = startOf(LocalDate.ofInstant(from, Contribution.ZONE));
        Instant at = from;
        while (at.isBefore(to)) {
            LocalDate next = next(start);
            Instant end = min(next.atStartOfDay(Contribution.ZONE).toInstant(), to);
            periods.add(new Period(Optional.of(at), Optional.of(end)));
            at = end;
            start = next;
        }
        return periods;
    }

    /** How many buckets {@link #cover} gives, without building them. */
    public long count(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        LocalDate first = startOf(LocalDate.ofInstant(from, Contribution.ZONE));
        LocalDate last = startOf(LocalDate.ofInstant(to.minusNanos(1), Contribution.ZONE));
        return switch (this) {
            case DAY -> first.until(last, ChronoUnit.DAYS) + 1;
            case WEEK -> first.until(last, ChronoUnit.WEEKS) + 1;
            case MONTH -> first.until(last, ChronoUnit.MONTHS) + 1;
        };
    }

    private LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
