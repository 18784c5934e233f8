package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Figure;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.domain.StatsFilter;

/**
 * Figures for a period: the whole Asia/Almaty days inside it are summed from {@code stats_cell}; the incidents in a
 * partial day at either end are added one by one from their stored contributions. No percentile is computed over
 * incidents: histograms of the days are merged.
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
    IncidentCounts counts;

    @Transactional
    public Summary summary(Period period, StatsFilter filter) {
        Schools.Registry registry = schools.registry();
        Tally tally = new Tally();
        Optional<LocalDate> firstDay = period.from().map(Statistics::dayStartingAtOrAfter);
        Optional<LocalDate> endDay = period.to().map(to -> LocalDate.ofInstant(to, Contribution.ZONE));
        if (firstDay.isPresent() && endDay.isPresent() && !firstDay.get().isBefore(endDay.get())) {
            edge(tally, period.from().get(), period.to().get(), filter, registry);
        } else {
            wholeDays(day -> tally, false, firstDay, endDay, filter);
            period.from().filter(from -> !start(firstDay.get()).equals(from))
                    .ifPresent(from -> edge(tally, from, start(firstDay.get()), filter, registry));
            period.to().filter(to -> !start(endDay.get()).equals(to))
                    .ifPresent(to -> edge(tally, start(endDay.get()), to, filter, registry));
        }
        return tally.summary(registry, clock.instant());
    }

    /** One bucket of a series: its bounds and its figures. */
    public record SeriesBucket(Instant from, Instant to, Summary figures) {
    }

    /**
     * The figures per bucket of the Asia/Almaty calendar; the first and last buckets are cut at the bounds. The whole
     * days of every bucket come from one set of queries grouped by day (not one per bucket), each row added to the
     * bucket its day falls in; the parts of a day at the cut ends are added as {@link #summary} does.
     */
    @Transactional
    public List<SeriesBucket> series(Bucket bucket, Instant from, Instant to, StatsFilter filter) {
        Schools.Registry registry = schools.registry();
        List<Period> periods = bucket.cover(from, to);
        List<Tally> tallies = new ArrayList<>();
        java.util.TreeMap<LocalDate, Integer> byFirstDay = new java.util.TreeMap<>();
        LocalDate seriesFirst = dayStartingAtOrAfter(from);
        LocalDate seriesEnd = LocalDate.ofInstant(to, Contribution.ZONE);
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            tallies.add(new Tally());
            LocalDate first = dayStartingAtOrAfter(p.from().get());
            LocalDate end = LocalDate.ofInstant(p.to().get(), Contribution.ZONE);
            if (first.isBefore(end)) {
                byFirstDay.put(first, i);
                edges(tallies.get(i), p.from().get(), p.to().get(), first, end, filter, registry);
            } else {
                edge(tallies.get(i), p.from().get(), p.to().get(), filter, registry);
            }
        }
        if (seriesFirst.isBefore(seriesEnd)) {
            // every whole day of [from, to) belongs to the bucket with the greatest first whole day at or before it
            wholeDays(day -> tallies.get(byFirstDay.floorEntry(day).getValue()), true, Optional.of(seriesFirst),
                    Optional.of(seriesEnd), filter);
        }
        Instant now = clock.instant();
        List<SeriesBucket> series = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            series.add(new SeriesBucket(periods.get(i).from().get(), periods.get(i).to().get(),
                    tallies.get(i).summary(registry, now)));
        }
        return series;
    }

    /** The parts of a day before the first and after the last whole day of {@code [from, to)}. */
    private void edges(Tally tally, Instant from, Instant to, LocalDate first, LocalDate end, StatsFilter filter,
            Schools.Registry registry) {
        if (!start(first).equals(from)) {
            edge(tally, from, start(first), filter, registry);
        }
        if (!start(end).equals(to)) {
            edge(tally, start(end), to, filter, registry);
        }
    }

    /**
     * Sums {@code stats_cell} over the whole days {@code [first, end)} into the tally {@code into} gives for a day;
     * {@code byDay}: grouped by day too (a series), else one sum for all days (a summary).
     */
    private void wholeDays(java.util.function.Function<LocalDate, Tally> into, boolean byDay,
            Optional<LocalDate> first, Optional<LocalDate> end, StatsFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true");
        first.ifPresent(d -> bind(where, params, " and day >= :first", "first", d));
        end.ifPresent(d -> bind(where, params, " and day < :end", "end", d));
        filter.district().ifPresent(v -> bind(where, params, " and district = :district", "district", v));
        filter.category().ifPresent(v -> bind(where, params, " and category = :category", "category", v));
        filter.severity().ifPresent(v -> bind(where, params, " and severity = :severity", "severity", v));
        filter.partnerKind().ifPresent(v -> bind(where, params, " and partner_kind = :kind", "kind", v));
        filter.schoolType().ifPresent(v -> {
            switch (v) {
                case "NONE" -> where.append(" and school_id = ''");
                case "UNKNOWN" -> where.append(" and school_id <> '' and school_id not in (select school_id from school)");
                default -> bind(where, params, " and school_id in (select school_id from school where type = :type)",
                        "type", v);
            }
        });
        String day = byDay ? "day, " : "cast(null as date), ";
        String group = byDay ? "day, " : "";
        for (Tuple r : query("select " + day + "district, category, severity, figure, sum(value) from stats_cell "
                + where + " and figure not like 'time.%' and figure <> 'child' group by " + group + "2, 3, 4, 5",
                params)) {
            into.apply(day(r)).count(r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                    r.get(4, String.class), number(r.get(5)));
        }
        for (Tuple r : query("select " + day + "severity, figure, bin, sum(value) from stats_cell " + where
                + " and figure like 'time.%' group by " + group + "2, 3, 4", params)) {
            into.apply(day(r)).time(r.get(1, String.class), r.get(2, String.class), number(r.get(3)),
                    number(r.get(4)));
        }
        for (Tuple r : query("select " + day + "bin, sum(value) from stats_cell " + where
                + " and figure = 'child' group by " + group + "2", params)) {
            into.apply(day(r)).child(number(r.get(1)), number(r.get(2)));
        }
        for (Tuple r : query("select " + day + "school_id, sum(value) from stats_cell " + where + " and figure = '"
                + Figure.INCIDENTS + "' group by " + group + "2", params)) {
            into.apply(day(r)).school(r.get(1, String.class), number(r.get(2)));
        }
    }

    private static LocalDate day(Tuple r) {
        Object d = r.get(0);
        return d == null ? null : d instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) d;
    }

    /** The incidents received in {@code [from, to)}, a part of one day, one by one. */
    private void edge(Tally tally, Instant from, Instant to, StatsFilter filter, Schools.Registry registry) {
        List<String> counted = session.createNativeQuery("select counted from incident_fact where received_at >= :from "
                + "and received_at < :to and counted is not null", String.class)
                .setParameter("from", from, Instant.class).setParameter("to", to, Instant.class).getResultList();
        for (String c : counted) {
            Contribution contribution = counts.read(c);
            if (filter.covers(contribution.dimensions(), registry.filterType(contribution.dimensions().schoolId()))) {
                tally.add(contribution);
            }
        }
    }

    private List<Tuple> query(String sql, Map<String, Object> params) {
        NativeQuery<Tuple> q = session.createNativeQuery(sql, Tuple.class);
        params.forEach(q::setParameter);
        return new ArrayList<>(q.getResultList());
    }

    private static void bind(StringBuilder where, Map<String, Object> params, String clause, String name, Object v) {
        where.append(clause);
        params.put(name, v);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(Contribution.ZONE).toInstant();
    }

    /** The first whole day at or after the instant. */
    private static LocalDate dayStartingAtOrAfter(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, Contribution.ZONE);
        return start(day).equals(at) ? day : day.plusDays(1);
    }
}
