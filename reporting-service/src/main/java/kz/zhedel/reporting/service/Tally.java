package kz.zhedel.reporting.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Figure;
import kz.zhedel.reporting.domain.Milestone;

/** Sums cells, from whole days of {@code stats_cell} and single incidents alike, into a {@link Summary}. */
final class Tally {

    private final Map<String, Long> totals = new HashMap<>();
    private final Map<String, Long> byCategory = new TreeMap<>();
    private final Map<String, Long> byDistrict = new TreeMap<>();
    private final Map<String, Long> bySeverity = new TreeMap<>();
    private final Map<String, Map<String, Long>> perSeverity = new TreeMap<>();
    private final Map<String, Map<String, Histogram>> times = new TreeMap<>();
    private final Map<Long, Long> children = new HashMap<>();
    private final Map<String, Long> schools = new HashMap<>();

    /** A count cell ({@code bin} 0) of incidents of one classification. */
    void count(String district, String category, String severity, String figure, long value) {
        totals.merge(figure, value, Long::sum);
        perSeverity.computeIfAbsent(severity, s -> new HashMap<>()).merge(figure, value, Long::sum);
        if (Figure.INCIDENTS.equals(figure)) {
            byCategory.merge(category, value, Long::sum);
            byDistrict.merge(district, value, Long::sum);
            bySeverity.merge(severity, value, Long::sum);
        }
    }

    void time(String severity, String figure, long bucket, long value) {
        if (value > 0) {
            times.computeIfAbsent(severity, s -> new HashMap<>())
                    .computeIfAbsent(figure, f -> new Histogram(3)).recordValueWithCount(bucket, value);
        }
    }

    void child(long pseudonym, long value) {
        children.merge(pseudonym, value, Long::sum);
    }

    void school(String schoolId, long value) {
        schools.merge(schoolId, value, Long::sum);
    }

    /** One incident's whole contribution. */
    void add(Contribution c) {
        Contribution.Dimensions d = c.dimensions();
        c.cells().forEach((cell, value) -> {
            if (cell.figure().startsWith(Figure.TIME)) {
                time(d.severity(), cell.figure(), cell.bin(), value);
            } else if (Figure.CHILD.equals(cell.figure())) {
                child(cell.bin(), value);
            } else {
                count(d.district(), d.category(), d.severity(), cell.figure(), value);
                if (Figure.INCIDENTS.equals(cell.figure())) {
                    school(d.schoolId(), value);
                }
            }
        });
    }

    Summary summary(Schools.Registry registry, java.time.Instant generatedAt) {
        Map<String, Long> failures = new TreeMap<>();
        totals.forEach((figure, n) -> {
            if (figure.startsWith(Figure.PAGE_FAILED) && n > 0) {
                failures.put(figure.substring(Figure.PAGE_FAILED.length()), n);
            }
        });
        Map<String, Summary.ResponseTimes> responseTimes = new TreeMap<>();
        Map<String, Summary.Sla> sla = new TreeMap<>();
        for (String severity : bySeverity.keySet()) {
            if (bySeverity.get(severity) <= 0) {
                continue;
            }
            Map<String, Histogram> h = times.getOrDefault(severity, Map.of());
            responseTimes.put(severity, new Summary.ResponseTimes(percentiles(h, Milestone.ASSIGNED),
                    percentiles(h, Milestone.PAGED), percentiles(h, Milestone.ACKNOWLEDGED),
                    percentiles(h, Milestone.ON_SCENE), percentiles(h, Milestone.RESOLVED)));
            Map<String, Long> counts = perSeverity.getOrDefault(severity, Map.of());
            sla.put(severity, Summary.Sla.of(counts.getOrDefault(Figure.SLA_WITHIN, 0L),
                    counts.getOrDefault(Figure.SLA_BREACHED, 0L)));
        }
        Set<String> covered = new HashSet<>();
        long unknownReports = 0;
        Set<String> unknown = new HashSet<>();
        for (Map.Entry<String, Long> e : schools.entrySet()) {
            if (e.getValue() <= 0 || e.getKey().isEmpty()) {
                continue;
            }
            if (registry.typeOf(e.getKey()) != null) {
                covered.add(e.getKey());
            } else {
                unknown.add(e.getKey());
                unknownReports += e.getValue();
            }
        }
        byCategory.values().removeIf(n -> n <= 0);
        byDistrict.values().removeIf(n -> n <= 0);
        bySeverity.values().removeIf(n -> n <= 0);
        return new Summary(total(Figure.INCIDENTS), byCategory, byDistrict, bySeverity,
                children.values().stream().filter(n -> n > 0).count(),
                new Summary.Schools(covered.size(), registry.size(), unknown.size(), unknownReports),
                timedCount(Milestone.ASSIGNED), total(Figure.UNASSIGNED), timedCount(Milestone.PAGED),
                timedCount(Milestone.ACKNOWLEDGED), total(Figure.ESCALATED), timedCount(Milestone.RESOLVED),
                total(Figure.CANCELLED), responseTimes, sla, failures, generatedAt);
    }

    private long total(String figure) {
        return totals.getOrDefault(figure, 0L);
    }

    private long timedCount(Milestone m) {
        return times.values().stream().map(h -> h.get(Figure.TIME + m.name())).filter(h -> h != null)
                .mapToLong(Histogram::getTotalCount).sum();
    }

    /** Nearest-rank percentiles; a bucket's lowest value, exact to the second up to 2,048 s, then within 0.1%. */
    private static Summary.Percentiles percentiles(Map<String, Histogram> histograms, Milestone m) {
        Histogram h = histograms.get(Figure.TIME + m.name());
        if (h == null || h.getTotalCount() == 0) {
            return new Summary.Percentiles(0, null, null, null);
        }
        return new Summary.Percentiles(h.getTotalCount(), at(h, 50), at(h, 90), at(h, 99));
    }

    private static Long at(Histogram h, double percentile) {
        return h.lowestEquivalentValue(h.getValueAtPercentile(percentile));
    }
}
