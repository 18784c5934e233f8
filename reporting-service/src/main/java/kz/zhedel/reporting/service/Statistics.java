package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hibernate.Session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.domain.Slice;
import kz.zhedel.reporting.domain.StatsFilter;

/**
 * Figures for a period, from {@code stats_rollup} ({@link StatsRollup}): the whole Asia/Almaty months inside the
 * period, then the whole weeks, then the whole days are merged from their tallies (a year: about twenty); the
 * incidents of a part of a day at either end are added one by one. A filter on two dimensions or more besides
 * severity merges the tallies of the cells it covers ({@link Slice#covering}).
 */
@ApplicationScoped
public class Statistics {

    @Inject
    Session session;

    @Inject
    Clock clock;

    @Inject
    Schools schools;

    @Inject
    IncidentStates incidents;

    @Inject
    StoredTallies tallies;

    @Inject
    ObjectMapper json;

    @Transactional
    public Summary summary(Period period, StatsFilter filter) {
        Schools.Registry registry = schools.registry();
        Instant from = period.from().orElseGet(() -> Bucket.start(firstDay().orElse(LocalDate.now(clock))));
        Instant to = period.to().orElseGet(() -> Bucket.start(lastDay().orElse(LocalDate.now(clock)).plusDays(1)));
        return tally(from, to, filter, registry).summary(registry, clock.instant());
    }

    /**
     * One bucket of a series: its bounds and its figures, also as JSON: a whole bucket's as the rollup stored them
     * when it finished them (their {@code generatedAt} says when), so that a series by day over a year answers 365
     * stored texts instead of writing 365 summaries again.
     */
    public record SeriesBucket(Instant from, Instant to, @JsonIgnore StoredTallies.Finished finished) {

        @JsonProperty("figures")
        @Schema(implementation = Summary.class)
        public RawValue figures() {
            return finished.raw();
        }

        public Summary summary() {
            return finished.summary();
        }
    }

    /**
     * The figures per bucket of the Asia/Almaty calendar; the first and last buckets are cut at the bounds. A whole
     * bucket's figures were finished when its period was rolled up (one row read per bucket); a cut one, or one
     * whose days changed since, is merged as {@link #summary} does.
     */
    @Transactional
    public List<SeriesBucket> series(Bucket bucket, Instant from, Instant to, StatsFilter filter) {
        Schools.Registry registry = null; // read only for a bucket to finish here: finished ones need none
        Instant now = clock.instant();
        Optional<Slice> slice = Slice.of(filter);
        List<Period> periods = bucket.cover(from, to);
        Map<LocalDate, StoredTallies.Finished> finished = slice.isEmpty() || periods.isEmpty() ? Map.of()
                : tallies.figures(slice.get(), bucket, day(periods.get(0).from().get()),
                        day(periods.get(periods.size() - 1).from().get()));
        Set<String> stale = bucket == Bucket.DAY || periods.isEmpty() ? Set.of()
                : stale(bucket.grain(), periods.stream().map(p -> day(p.from().get())).toList());
        StoredTallies.Finished none = null;
        List<SeriesBucket> series = new ArrayList<>();
        for (Period p : periods) {
            Instant start = p.from().get();
            Instant end = p.to().get();
            StoredTallies.Finished figures;
            if (slice.isPresent() && bucket.isWhole(start, end) && !stale.contains(bucket.grain() + day(start))) {
                figures = finished.get(day(start));
                if (figures == null) {
                    registry = registry != null ? registry : schools.registry();
                    none = none != null ? none : StoredTallies.Finished.of(json, new Tally().summary(registry, now));
                    figures = none;
                }
            } else {
                registry = registry != null ? registry : schools.registry();
                figures = StoredTallies.Finished.of(json, tally(start, end, filter, registry).summary(registry, now));
            }
            series.add(new SeriesBucket(start, end, figures));
        }
        return series;
    }

    /**
     * The tally of the incidents received in {@code [from, to)} that the filter covers: the stored tally of its whole
     * days (shared: only read), with the incidents of a part of a day at either end added to a copy.
     */
    private Tally tally(Instant from, Instant to, StatsFilter filter, Schools.Registry registry) {
        Tally tally = new Tally();
        LocalDate first = dayStartingAtOrAfter(from);
        LocalDate end = day(to);
        if (!first.isBefore(end)) {
            incidents.forEach(from, to, filter, registry, tally::add);
            return tally;
        }
        Tally days = tallies.tally(Slice.covering(filter), stale -> cover(first, end, stale));
        boolean partFirst = !Bucket.start(first).equals(from);
        boolean partLast = !Bucket.start(end).equals(to);
        if (!partFirst && !partLast) {
            return days;
        }
        if (partFirst) {
            incidents.forEach(from, Bucket.start(first), filter, registry, tally::add);
        }
        if (partLast) {
            incidents.forEach(Bucket.start(end), to, filter, registry, tally::add);
        }
        tally.merge(days);
        return tally;
    }

    /**
     * The whole days {@code [first, end)} as few periods: the whole months inside, then the weeks inside what is left
     * before and after them, then the days ({@code M}, {@code W}, {@code D}: each period's first day; a year is
     * twelve months and a few weeks and days, never the weeks across its months' ends). A week or month whose days
     * changed since it was rolled up ({@code stale}: grain and first day, e.g. {@code W2026-03-02}) is taken from
     * its days instead, so that a month's figures and the sum of its days' never disagree.
     */
    static Map<String, List<LocalDate>> cover(LocalDate first, LocalDate end, Set<String> stale) {
        Map<String, List<LocalDate>> cover = new HashMap<>();
        for (Bucket b : Bucket.values()) {
            cover.put(b.grain(), new ArrayList<>());
        }
        LocalDate firstMonth = Bucket.MONTH.startOf(first).equals(first) ? first : Bucket.MONTH.next(first.withDayOfMonth(1));
        LocalDate endMonth = Bucket.MONTH.startOf(end);
        if (!firstMonth.isBefore(endMonth)) {
            weeksAndDays(first, end, stale, cover);
            return cover;
        }
        weeksAndDays(first, firstMonth, stale, cover);
        for (LocalDate month = firstMonth; month.isBefore(endMonth); month = month.plusMonths(1)) {
            if (stale.contains(Bucket.MONTH.grain() + month)) {
                weeksAndDays(month, month.plusMonths(1), stale, cover);
            } else {
                cover.get(Bucket.MONTH.grain()).add(month);
            }
        }
        weeksAndDays(endMonth, end, stale, cover);
        return cover;
    }

    /** {@code [first, end)} (inside a month, or shorter) as the weeks inside it, then days. */
    private static void weeksAndDays(LocalDate first, LocalDate end, Set<String> stale,
            Map<String, List<LocalDate>> cover) {
        LocalDate day = first;
        while (day.isBefore(end)) {
            boolean week = Bucket.WEEK.startOf(day).equals(day) && !Bucket.WEEK.next(day).isAfter(end)
                    && !stale.contains(Bucket.WEEK.grain() + day);
            Bucket b = week ? Bucket.WEEK : Bucket.DAY;
            cover.get(b.grain()).add(day);
            day = b.next(day);
        }
    }

    /** Which of these periods of a grain wait to be rolled up again (grain and first day, e.g. {@code W2026-03-02}). */
    private Set<String> stale(String grain, List<LocalDate> periods) {
        if (periods.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(session.createNativeQuery("select distinct grain || cast(period as text) from stats_change "
                + "where grain = :grain and period = any(cast(:periods as date[]))", String.class)
                .setParameter("grain", grain)
                .setParameter("periods", kz.zhedel.platform.sql.PgArray.literal(periods), String.class)
                .getResultList());
    }

    private Optional<LocalDate> firstDay() {
        return edgeDay("min");
    }

    private Optional<LocalDate> lastDay() {
        return edgeDay("max");
    }

    /** The earliest or latest day any incident was received on. */
    private Optional<LocalDate> edgeDay(String which) {
        Object day = session.createNativeQuery("select cast(" + which + "(received_at) at time zone 'Asia/Almaty' "
                + "as date) from incident_fact", Object.class).getSingleResult();
        return Optional.ofNullable(day).map(StoredTallies::date);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, Contribution.ZONE);
    }

    /** The first whole day at or after the instant. */
    private static LocalDate dayStartingAtOrAfter(Instant at) {
        LocalDate day = day(at);
        return Bucket.start(day).equals(at) ? day : day.plusDays(1);
    }
}
