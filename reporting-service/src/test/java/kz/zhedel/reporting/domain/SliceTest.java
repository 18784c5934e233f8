package kz.zhedel.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
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
    void twoDimensionsOrMoreReadTheCellsOfEveryValueTheyLeaveOpen() {
        assertTrue(Slice.of(filter("NURA", "BULLYING", null, null, null)).isEmpty());
        List<Slice> cells = Slice.covering(filter("NURA", "BULLYING", null, null, null));
        assertEquals(Slice.PARTNER_KINDS.size() * Slice.SCHOOL_TYPES.size(), cells.size());
        assertTrue(cells.contains(new Slice(Dimension.CELL, "NURA|BULLYING|SCHOOL|STATE", "")));
        assertTrue(cells.contains(new Slice(Dimension.CELL, "NURA|BULLYING|UNKNOWN|NONE", "")));
        assertEquals(List.of(new Slice(Dimension.CELL, "YESIL|NEGLECT|SCHOOL|PRIVATE", "P1")),
                Slice.covering(filter("YESIL", "NEGLECT", "P1", "SCHOOL", "PRIVATE")));
        assertEquals(District.values().length * Category.values().length,
                Slice.covering(filter(null, null, "P1", "SCHOOL", "STATE")).size());
        assertEquals(List.of(new Slice(Dimension.DISTRICT, "NURA", "P2")),
                Slice.covering(filter("NURA", null, "P2", null, null)));
    }

    @Test
    void anIncidentCountsInTwelveSlicesEachOfThemReadByTheFilterThatNamesIt() {
        Contribution.Dimensions d = new Contribution.Dimensions("NURA", "BULLYING", "P3", "SCHOOL", "school-7");
        List<Slice> slices = Slice.of(d, "STATE");
        assertEquals(12, slices.size());
        for (StatsFilter f : List.of(StatsFilter.ALL, filter("NURA", null, null, null, null),
                filter(null, "BULLYING", "P3", null, null), filter(null, null, null, "SCHOOL", null),
                filter(null, null, "P3", null, "STATE"), filter("NURA", null, null, "SCHOOL", null),
                filter("NURA", "BULLYING", "P3", "SCHOOL", "STATE"), filter(null, "BULLYING", null, null, "STATE"))) {
            assertEquals(1, Slice.covering(f).stream().filter(slices::contains).count(), f.toString());
            assertTrue(f.covers(d, "STATE"));
        }
        for (StatsFilter f : List.of(filter("YESIL", null, null, "SCHOOL", null),
                filter("NURA", "BULLYING", "P1", null, null), filter(null, null, null, "POLICE", "NONE"))) {
            assertTrue(Slice.covering(f).stream().noneMatch(slices::contains), f.toString());
        }
    }
}
