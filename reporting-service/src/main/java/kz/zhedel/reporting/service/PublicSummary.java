package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.zhedel.reporting.domain.PublishedCount;
import kz.zhedel.reporting.domain.Suppression;
import kz.zhedel.reporting.domain.Suppression.Equation;

/**
 * The summary as the centre may publish it: every count from 1 to 4 is {@code "<5"}, a count that would reveal one
 * through a published total is {@code "suppressed"}, and no percentile is given over fewer than 5 incidents (nor a
 * percentage over a hidden count). The shape is the summary's.
 */
public record PublicSummary(
        @Schema(implementation = Object.class, description = "A number, \"<5\" or \"suppressed\"") PublishedCount incidents,
        Map<String, PublishedCount> byCategory,
        Map<String, PublishedCount> byDistrict,
        Map<String, PublishedCount> bySeverity,
        PublishedCount childrenCounselled,
        Schools schools,
        PublishedCount assigned,
        PublishedCount unassigned,
        PublishedCount paged,
        PublishedCount acknowledged,
        PublishedCount escalated,
        PublishedCount resolved,
        PublishedCount cancelled,
        Map<String, ResponseTimes> responseTimes,
        Map<String, Sla> sla,
        Map<String, PublishedCount> pageFailuresByChannel,
        Instant generatedAt) {

    /** Fewer incidents than this give no percentile. */
    public static final int MIN_FOR_PERCENTILES = 5;

    /** {@code registered} is the registry's size, public anyway, and shown exactly. */
    public record Schools(PublishedCount covered, long registered, PublishedCount unknown,
            PublishedCount reportsFromUnknownSchools) {
    }

    public record ResponseTimes(Percentiles assignment, Percentiles firstPageDelivered, Percentiles acknowledgement,
            Percentiles onScene, Percentiles resolution) {
    }

    /** Seconds; null below {@link #MIN_FOR_PERCENTILES} incidents. */
    public record Percentiles(PublishedCount count, Long p50, Long p90, Long p99) {
        static Percentiles of(Summary.Percentiles p) {
            boolean enough = p.count() >= MIN_FOR_PERCENTILES;
            return new Percentiles(new PublishedCount(p.count()), enough ? p.p50() : null, enough ? p.p90() : null,
                    enough ? p.p99() : null);
        }
    }

    /** {@code percentWithin} only when both counts are shown (it would give a hidden one away). */
    public record Sla(PublishedCount within, PublishedCount breached, Double percentWithin) {
    }

    public static PublicSummary of(Summary s) {
        PublishedCount incidents = new PublishedCount(s.incidents());
        Map<String, PublishedCount> byCategory = counts(s.byCategory());
        Map<String, PublishedCount> byDistrict = counts(s.byDistrict());
        Map<String, PublishedCount> bySeverity = counts(s.bySeverity());
        Map<String, ResponseTimes> times = new TreeMap<>();
        s.responseTimes().forEach((severity, t) -> times.put(severity, new ResponseTimes(
                Percentiles.of(t.assignment()), Percentiles.of(t.firstPageDelivered()),
                Percentiles.of(t.acknowledgement()), Percentiles.of(t.onScene()), Percentiles.of(t.resolution()))));
        PublishedCount assigned = new PublishedCount(s.assigned());
        PublishedCount paged = new PublishedCount(s.paged());
        PublishedCount acknowledged = new PublishedCount(s.acknowledged());
        PublishedCount resolved = new PublishedCount(s.resolved());
        Map<String, PublishedCount[]> sla = new TreeMap<>();
        s.sla().forEach((severity, v) -> sla.put(severity,
                new PublishedCount[] { new PublishedCount(v.within()), new PublishedCount(v.breached()) }));

        Suppression.apply(List.of(new Equation(incidents, List.copyOf(byCategory.values())),
                new Equation(incidents, List.copyOf(byDistrict.values())),
                new Equation(incidents, List.copyOf(bySeverity.values())),
                new Equation(assigned, steps(times, ResponseTimes::assignment)),
                new Equation(paged, steps(times, ResponseTimes::firstPageDelivered)),
                new Equation(acknowledged, steps(times, ResponseTimes::acknowledgement)),
                new Equation(resolved, steps(times, ResponseTimes::resolution))));

        Map<String, Sla> slaPublished = new TreeMap<>();
        sla.forEach((severity, c) -> slaPublished.put(severity, new Sla(c[0], c[1],
                c[0].hidden() || c[1].hidden() ? null : s.sla().get(severity).percentWithin())));
        return new PublicSummary(incidents, byCategory, byDistrict, bySeverity,
                new PublishedCount(s.childrenCounselled()),
                new Schools(new PublishedCount(s.schools().covered()), s.schools().registered(),
                        new PublishedCount(s.schools().unknown()),
                        new PublishedCount(s.schools().reportsFromUnknownSchools())),
                assigned, new PublishedCount(s.unassigned()), paged, acknowledged, new PublishedCount(s.escalated()),
                resolved, new PublishedCount(s.cancelled()), times, slaPublished, counts(s.pageFailuresByChannel()),
                s.generatedAt());
    }

    private static Map<String, PublishedCount> counts(Map<String, Long> exact) {
        Map<String, PublishedCount> published = new LinkedHashMap<>();
        exact.forEach((key, n) -> published.put(key, new PublishedCount(n)));
        return published;
    }

    private static List<PublishedCount> steps(Map<String, ResponseTimes> times,
            Function<ResponseTimes, Percentiles> step) {
        List<PublishedCount> counts = new ArrayList<>();
        times.values().forEach(t -> counts.add(step.apply(t).count()));
        return counts;
    }
}
