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
            wholeDays(tally, firstDay, endDay, filter);
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

    /** The figures per bucket of the Asia/Almaty calendar; the first and last buckets are cut at the bounds. */
    @Transactional
    public List<SeriesBucket> series(Bucket bucket, Instant from, Instant to, StatsFilter filter) {
        List<SeriesBucket> series = new ArrayList<>();
        for (Period p : bucket.cover(from, to)) {
            series.add(new SeriesBucket(p.from().get(), p.to().get(), summary(p, filter)));
        }
        return series;
    }

    private void wholeDays(Tally tally, Optional<LocalDate> first, Optional<LocalDate> end, StatsFilter filter) {
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
        for (Tuple r : query("select district, category, severity, figure, sum(value) from stats_cell " + where
                + " and figure not like 'time.%' and figure <> 'child' group by 1, 2, 3, 4", params)) {
            tally.count(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                    number(r.get(4)));
        }
        for (Tuple r : query("select severity, figure, bin, sum(value) from stats_cell " + where
                + " and figure like 'time.%' group by 1, 2, 3", params)) {
            tally.time(r.get(0, String.class), r.get(1, String.class), number(r.get(2)), number(r.get(3)));
        }
        for (Tuple r : query("select bin, sum(value) from stats_cell " + where + " and figure = 'child' group by 1",
                params)) {
            tally.child(number(r.get(0)), number(r.get(1)));
        }
        for (Tuple r : query("select school_id, sum(value) from stats_cell " + where + " and figure = '"
                + Figure.INCIDENTS + "' group by 1", params)) {
            tally.school(r.get(0, String.class), number(r.get(1)));
        }
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
