package kz.zhedel.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import kz.zhedel.reporting.service.PublicSummary;
import kz.zhedel.reporting.service.Summary;

/** What the public figures hide, on hand-made summaries with known answers. */
class PublicSuppressionTest {

    private static final Summary.Percentiles NONE = new Summary.Percentiles(0, null, null, null);

    private static Summary.ResponseTimes acknowledged(long count) {
        return new Summary.ResponseTimes(NONE, NONE, new Summary.Percentiles(count, 60L, 120L, 300L), NONE, NONE);
    }

    /** 20 incidents: categories 3 + 7 + 10, districts 12 + 8, severities P1 4 + P2 16. */
    private static Summary summary() {
        Map<String, Summary.ResponseTimes> times = new TreeMap<>(Map.of("P1", acknowledged(4), "P2", acknowledged(16)));
        return new Summary(20, Map.of("BULLYING", 3L, "NEGLECT", 7L, "VIOLENCE", 10L),
                Map.of("NURA", 12L, "YESIL", 8L), new TreeMap<>(Map.of("P1", 4L, "P2", 16L)), 2,
                new Summary.Schools(6, 134, 1, 2), 0, 0, 0, 20, 5, 0, 1, times,
                new TreeMap<>(Map.of("P1", new Summary.Sla(3, 1, 75.0), "P2", new Summary.Sla(10, 6, 62.5))),
                Map.of("SMS", 2L), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aCellOf3IsShownAsLessThan5AndTheSmallestOtherCellIsSuppressedSoThatTheTotalDoesNotRevealIt() {
        PublicSummary p = PublicSummary.of(summary());
        assertEquals("<5", p.byCategory().get("BULLYING").published());
        // 20 - 7 - 10 would give BULLYING away: the smallest other category goes too, the larger one and the total stay
        assertEquals("suppressed", p.byCategory().get("NEGLECT").published());
        assertEquals(10L, p.byCategory().get("VIOLENCE").published());
        assertEquals(20L, p.incidents().published());
        // nothing small among the districts: all shown
        assertEquals(12L, p.byDistrict().get("NURA").published());
        assertEquals(8L, p.byDistrict().get("YESIL").published());
    }

    @Test
    void aSeverityOf4HidesTheOtherSeverityAndItsStepCountsTheirs() {
        PublicSummary p = PublicSummary.of(summary());
        assertEquals("<5", p.bySeverity().get("P1").published());
        assertEquals("suppressed", p.bySeverity().get("P2").published());
        // acknowledged 20 = P1 4 + P2 16: the same protection for the step counts
        assertEquals("<5", p.responseTimes().get("P1").acknowledgement().count().published());
        assertEquals("suppressed", p.responseTimes().get("P2").acknowledgement().count().published());
        assertEquals(20L, p.acknowledged().published());
    }

    @Test
    void noPercentilesOverFewerThan5IncidentsAndNoPercentageOverAHiddenCount() {
        PublicSummary p = PublicSummary.of(summary());
        assertNull(p.responseTimes().get("P1").acknowledgement().p50());
        assertNull(p.responseTimes().get("P1").acknowledgement().p99());
        assertEquals(120L, p.responseTimes().get("P2").acknowledgement().p90());
        assertEquals("<5", p.sla().get("P1").within().published());
        assertNull(p.sla().get("P1").percentWithin());
        assertEquals(62.5, p.sla().get("P2").percentWithin());
    }

    @Test
    void everyOtherCountFrom1To4IsLessThan5AndZeroAndTheRegistrySizeStayExact() {
        PublicSummary p = PublicSummary.of(summary());
        assertEquals("<5", p.childrenCounselled().published());
        assertEquals("<5", p.cancelled().published());
        assertEquals("<5", p.schools().unknown().published());
        assertEquals("<5", p.schools().reportsFromUnknownSchools().published());
        assertEquals("<5", p.pageFailuresByChannel().get("SMS").published());
        assertEquals(6L, p.schools().covered().published());
        assertEquals(134L, p.schools().registered());
        assertEquals(5L, p.escalated().published());
        assertEquals(0L, p.assigned().published());
    }

    @Test
    void aTotalOfFewerThan5HidesItsCellsAndNothingIsSolvable() {
        Summary small = new Summary(3, Map.of("BULLYING", 3L), Map.of("NURA", 2L, "YESIL", 1L), Map.of("P1", 3L), 0,
                new Summary.Schools(0, 0, 0, 0), 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
        PublicSummary p = PublicSummary.of(small);
        assertEquals("<5", p.incidents().published());
        assertEquals("<5", p.byCategory().get("BULLYING").published());
        assertEquals("<5", p.byDistrict().get("NURA").published());
        assertEquals("<5", p.byDistrict().get("YESIL").published());
    }

    @Test
    void theOnlyOtherCellIsHiddenRatherThanTheTotal() {
        // 12 = 3 + 9: the 9 is hidden with the 3; the total and the one-district table (12 = 12) stay
        Summary s = new Summary(12, Map.of("BULLYING", 3L, "NEGLECT", 9L), Map.of("NURA", 12L), Map.of("P3", 12L), 0,
                new Summary.Schools(0, 0, 0, 0), 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
        PublicSummary p = PublicSummary.of(s);
        assertEquals("suppressed", p.byCategory().get("NEGLECT").published());
        assertEquals(12L, p.incidents().published());
        assertEquals(12L, p.byDistrict().get("NURA").published());
    }
}
