package kz.zhedel.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.zhedel.reporting.domain.Slice.Dimension;

class SliceTest {

    private static StatsFilter filter(String district, String category, String severity, String kind, String type) {
        return new StatsFilter(Optional.ofNullable(district), Optional.ofNullable(category),
                Optional.ofNullable(severity), Optional.ofNullable(kind), Optional.ofNullable(type));
    }

    @Test
    void noFilterReadsAllAndSeverityNarrowsAnySlice() {
        assertEquals(Optional.of(new Slice(Dimension.ALL, "", "")), Slice.of(StatsFilter.ALL));
        assertEquals(Optional.of(new Slice(Dimension.ALL, "", "P1")), Slice.of(filter(null, null, "P1", null, null)));
        assertEquals(Optional.of(new Slice(Dimension.CATEGORY, "BULLYING", "P2")),
                Slice.of(filter(null, "BULLYING", "P2", null, null)));
        assertEquals(Optional.of(new Slice(Dimension.SCHOOL_TYPE, "PRIVATE", "")),
                Slice.of(filter(null, null, null, null, "PRIVATE")));
    }

    @Test
    void twoDimensionsBesidesSeverityHaveNoSlice() {
        assertTrue(Slice.of(filter("NURA", "BULLYING", null, null, null)).isEmpty());
        assertTrue(Slice.of(filter(null, null, "P1", "SCHOOL", "STATE")).isEmpty());
    }

    @Test
    void anIncidentCountsInTenSlicesEachOfThemReadByTheFilterThatNamesIt() {
        Contribution.Dimensions d = new Contribution.Dimensions("NURA", "BULLYING", "P3", "SCHOOL", "school-7");
        List<Slice> slices = Slice.of(d, "STATE");
        assertEquals(10, slices.size());
        for (StatsFilter f : List.of(StatsFilter.ALL, filter("NURA", null, null, null, null),
                filter(null, "BULLYING", "P3", null, null), filter(null, null, null, "SCHOOL", null),
                filter(null, null, "P3", null, "STATE"))) {
            assertTrue(slices.contains(Slice.of(f).get()), f.toString());
            assertTrue(f.covers(d, "STATE"));
        }
    }
}
