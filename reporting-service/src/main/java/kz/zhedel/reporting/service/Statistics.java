package kz.zhedel.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.reporting.domain.Period;

/** Figures over the incident facts, computed by PostgreSQL. */
@ApplicationScoped
public class Statistics {

    /**
     * One statement, so that totals and breakdowns come from the same snapshot: the empty grouping set is the
     * total row ({@code dimension} null), the others give one row per category, district and severity.
     */
    private static final String SUMMARY = """
            select case when grouping(category) = 0 then 'category'
                        when grouping(district) = 0 then 'district'
                        when grouping(severity) = 0 then 'severity' end as dimension,
                   coalesce(category, district, severity) as bucket,
                   count(*) as incidents,
                   count(first_assigned_at) as assigned,
                   count(*) filter (where first_assigned_at is null and last_unassigned_at is not null) as unassigned,
                   count(first_paged_at) as paged,
                   count(acknowledged_at) as acknowledged,
                   count(first_escalated_at) as escalated,
                   count(resolved_at) as resolved,
                   count(cancelled_at) as cancelled,
                   percentile_cont(0.5) within group (order by extract(epoch from first_assigned_at - received_at))
                       as median_seconds_to_assign,
                   percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - received_at))
                       as median_seconds_to_acknowledge,
                   percentile_cont(0.5) within group (order by extract(epoch from resolved_at - received_at))
                       as median_seconds_to_resolve
            from incident_fact
            where received_at is not null %s
            group by grouping sets ((), (category), (district), (severity))
            """;

    @Inject
    Session session;

    @Inject
    Clock clock;

    @Transactional
    public Summary summary(Period period) {
        String bounds = (period.from().isPresent() ? " and received_at >= :from" : "")
                + (period.to().isPresent() ? " and received_at < :to" : "");
        NativeQuery<Tuple> query = session.createNativeQuery(SUMMARY.formatted(bounds), Tuple.class);
        period.from().ifPresent(from -> query.setParameter("from", from, Instant.class));
        period.to().ifPresent(to -> query.setParameter("to", to, Instant.class));

        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<String, Long> bySeverity = new TreeMap<>();
        Tuple total = null;
        for (Tuple row : query.getResultList()) {
            String dimension = row.get("dimension", String.class);
            if (dimension == null) {
                total = row;
                continue;
            }
            Map<String, Long> breakdown = switch (dimension) {
                case "category" -> byCategory;
                case "district" -> byDistrict;
                default -> bySeverity;
            };
            String bucket = row.get("bucket", String.class);
            if (bucket != null) {
                breakdown.put(bucket, count(row, "incidents"));
            }
        }
        return new Summary(count(total, "incidents"), byCategory, byDistrict, bySeverity,
                count(total, "assigned"), count(total, "unassigned"), count(total, "paged"),
                count(total, "acknowledged"), count(total, "escalated"), count(total, "resolved"),
                count(total, "cancelled"),
                seconds(total, "median_seconds_to_assign"), seconds(total, "median_seconds_to_acknowledge"),
                seconds(total, "median_seconds_to_resolve"), clock.instant());
    }

    private static long count(Tuple row, String alias) {
        return ((Number) row.get(alias)).longValue();
    }

    private static Double seconds(Tuple row, String alias) {
        Number value = (Number) row.get(alias);
        return value == null ? null : value.doubleValue();
    }
}
