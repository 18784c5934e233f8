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

    /** The first day of the bucket holding {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Whether {@code [from, to)} is exactly one bucket. */
    public boolean isWhole(Instant from, Instant to) {
        LocalDate start = startOf(LocalDate.ofInstant(from, Contribution.ZONE));
        return start(start).equals(from) && start(next(start)).equals(to);
    }

    /** The instant an Asia/Almaty day begins. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(Contribution.ZONE).toInstant();
    }

    /** The rollup's grain of this bucket ({@code D}, {@code W}, {@code M}). */
    public String grain() {
        return name().substring(0, 1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
