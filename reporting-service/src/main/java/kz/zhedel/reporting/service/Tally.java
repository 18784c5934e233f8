package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Durations;
import kz.zhedel.reporting.domain.Figure;
import kz.zhedel.reporting.domain.Milestone;

/**
 * The figures of a set of incidents in mergeable form: counts per severity and figure, incidents per category,
 * district and school, a histogram per severity and response time, and a distinct-count sketch of the children
 * counselled. Tallies of disjoint sets of incidents (days, weeks, months) merge into the tally of their union, from
 * which {@link #summary} reads the figures.
 */
final class Tally {

    /**
     * The children sketch's size: 2^14 registers, a relative standard error of 0.8% (within ±1.6% 95 times in 100);
     * below some thousands of children it holds every child's hash and counts them exactly (barring a hash collision).
     */
    static final int CHILDREN_LG_K = 14;

    final Map<String, Map<String, Long>> perSeverity = new TreeMap<>();
    final Map<String, Long> byCategory = new TreeMap<>();
    final Map<String, Long> byDistrict = new TreeMap<>();
    final Map<String, Map<String, Durations>> times = new TreeMap<>();
    final Map<String, Long> schools = new TreeMap<>();
    private HllSketch children;
    private Union childrenUnion;

    /** One incident's contribution. */
    void add(Contribution c) {
        if (c.day() == null) {
            return;
        }
        Contribution.Dimensions d = c.dimensions();
        c.cells().forEach((cell, value) -> {
            String figure = cell.figure();
            if (figure.startsWith(Figure.TIME)) {
                durations(d.severity(), figure).add(cell.bin(), value);
            } else if (Figure.CHILD.equals(figure)) {
                childrenSketch().update(cell.bin());
            } else {
                perSeverity.computeIfAbsent(d.severity(), s -> new TreeMap<>()).merge(figure, value, Long::sum);
                if (Figure.INCIDENTS.equals(figure)) {
                    byCategory.merge(d.category(), value, Long::sum);
                    byDistrict.merge(d.district(), value, Long::sum);
                    schools.merge(d.schoolId(), value, Long::sum);
                }
            }
        });
    }

    /** Adds another tally, of incidents this one does not hold. */
    void merge(Tally other) {
        other.perSeverity.forEach((severity, counts) -> counts.forEach((figure, n) -> perSeverity
                .computeIfAbsent(severity, s -> new TreeMap<>()).merge(figure, n, Long::sum)));
        other.byCategory.forEach((k, n) -> byCategory.merge(k, n, Long::sum));
        other.byDistrict.forEach((k, n) -> byDistrict.merge(k, n, Long::sum));
        other.schools.forEach((k, n) -> schools.merge(k, n, Long::sum));
        other.times.forEach((severity, histograms) -> histograms
                .forEach((figure, h) -> durations(severity, figure).merge(h)));
        HllSketch theirs = other.children();
        if (theirs != null) {
            mergeChildren(theirs);
        }
    }

    void mergeChildren(HllSketch sketch) {
        if (childrenUnion == null) {
            childrenUnion = new Union(CHILDREN_LG_K);
            if (children != null) {
                childrenUnion.update(children);
                children = null;
            }
        }
        childrenUnion.update(sketch);
    }

    /** A stored tally's children (it has no others). */
    void children(HllSketch stored) {
        children = stored;
    }

    /** The children counselled as one sketch, or null without any. */
    HllSketch children() {
        if (childrenUnion != null) {
            return childrenUnion.getResult(TgtHllType.HLL_4);
        }
        return children;
    }

    private HllSketch childrenSketch() {
        if (childrenUnion != null) {
            throw new IllegalStateException("a merged tally takes no more incidents");
        }
        if (children == null) {
            children = new HllSketch(CHILDREN_LG_K, TgtHllType.HLL_4);
        }
        return children;
    }

    private Durations durations(String severity, String figure) {
        return times.computeIfAbsent(severity, s -> new TreeMap<>()).computeIfAbsent(figure, f -> new Durations());
    }

    /**
     * Makes this tally, from now on only merged from, quicker to merge: its children sketch as one byte per register
     * (what a union holds; the stored four-bit form needs an exception table looked up register by register), its
     * histograms sparse.
     */
    void readyToMergeFrom() {
        times.values().forEach(histograms -> histograms.values().forEach(Durations::compact));
        if (childrenUnion != null) {
            children = childrenUnion.getResult(TgtHllType.HLL_8);
            childrenUnion = null;
        } else if (children != null) {
            children = children.copyAs(TgtHllType.HLL_8);
        }
    }

    /** One tally of all the parts' incidents, from now on only merged from ({@link #readyToMergeFrom}). */
    static Tally mergedOf(Collection<Tally> parts) {
        Tally merged = new Tally();
        parts.forEach(merged::merge);
        merged.readyToMergeFrom();
        return merged;
    }

    /** About how many bytes of memory this tally holds. */
    long footprint() {
        long bytes = 512L * (perSeverity.size() + 1) + 64L * (byCategory.size() + byDistrict.size() + schools.size());
        for (Map<String, Durations> h : times.values()) {
            for (Durations d : h.values()) {
                bytes += d.footprint();
            }
        }
        HllSketch c = children();
        return bytes + (c == null ? 0 : c.getUpdatableSerializationBytes());
    }

    boolean isEmpty() {
        return perSeverity.isEmpty();
    }

    Summary summary(Schools.Registry registry, Instant generatedAt) {
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> bySeverity = new TreeMap<>();
        perSeverity.forEach((severity, counts) -> {
            counts.forEach((figure, n) -> totals.merge(figure, n, Long::sum));
            long incidents = counts.getOrDefault(Figure.INCIDENTS, 0L);
            if (incidents > 0) {
                bySeverity.put(severity, incidents);
            }
        });
        Map<String, Long> failures = new TreeMap<>();
        totals.forEach((figure, n) -> {
            if (figure.startsWith(Figure.PAGE_FAILED) && n > 0) {
                failures.put(figure.substring(Figure.PAGE_FAILED.length()), n);
            }
        });
        Map<String, Summary.ResponseTimes> responseTimes = new TreeMap<>();
        Map<String, Summary.Sla> sla = new TreeMap<>();
        for (String severity : bySeverity.keySet()) {
            Map<String, Durations> h = times.getOrDefault(severity, Map.of());
            responseTimes.put(severity, new Summary.ResponseTimes(percentiles(h, Milestone.ASSIGNED),
                    percentiles(h, Milestone.PAGED), percentiles(h, Milestone.ACKNOWLEDGED),
                    percentiles(h, Milestone.ON_SCENE), percentiles(h, Milestone.RESOLVED)));
            Map<String, Long> counts = perSeverity.get(severity);
            sla.put(severity, Summary.Sla.of(counts.getOrDefault(Figure.SLA_WITHIN, 0L),
                    counts.getOrDefault(Figure.SLA_BREACHED, 0L)));
        }
        Set<String> covered = new HashSet<>();
        long unknownReports = 0;
        long unknown = 0;
        for (Map.Entry<String, Long> e : schools.entrySet()) {
            if (e.getValue() <= 0 || e.getKey().isEmpty()) {
                continue;
            }
            if (registry.typeOf(e.getKey()) != null) {
                covered.add(e.getKey());
            } else {
                unknown++;
                unknownReports += e.getValue();
            }
        }
        HllSketch counselled = children();
        return new Summary(totals.getOrDefault(Figure.INCIDENTS, 0L), positive(byCategory), positive(byDistrict),
                bySeverity, counselled == null ? 0 : Math.round(counselled.getEstimate()),
                new Summary.Schools(covered.size(), registry.size(), unknown, unknownReports),
                timedCount(Milestone.ASSIGNED), totals.getOrDefault(Figure.UNASSIGNED, 0L),
                timedCount(Milestone.PAGED), timedCount(Milestone.ACKNOWLEDGED),
                totals.getOrDefault(Figure.ESCALATED, 0L), timedCount(Milestone.RESOLVED),
                totals.getOrDefault(Figure.CANCELLED, 0L), responseTimes, sla, failures, generatedAt);
    }

    private static Map<String, Long> positive(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>(counts);
        kept.values().removeIf(n -> n <= 0);
        return kept;
    }

    private long timedCount(Milestone m) {
        return times.values().stream().map(h -> h.get(Figure.TIME + m.name())).filter(h -> h != null)
                .mapToLong(Durations::count).sum();
    }

    /** Nearest-rank percentiles; a bucket's lowest value, exact to the second up to 2,048 s, then within 0.1%. */
    private static Summary.Percentiles percentiles(Map<String, Durations> histograms, Milestone m) {
        Durations h = histograms.get(Figure.TIME + m.name());
        long count = h == null ? 0 : h.count();
        if (count == 0) {
            return new Summary.Percentiles(0, null, null, null);
        }
        Long[] p = h.percentiles(50, 90, 99);
        return new Summary.Percentiles(count, p[0], p[1], p[2]);
    }
}
