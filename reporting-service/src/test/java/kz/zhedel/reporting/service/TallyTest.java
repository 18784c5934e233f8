package kz.zhedel.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.IncidentState;

/** Tallies merge and are stored without changing a figure: a period's figures do not depend on how it was cut. */
class TallyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");
    private static final Schools.Registry REGISTRY = new Schools.Registry(Map.of("school-1", "STATE"));
    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    private static Contribution incident(int i, String child, String severity) {
        Instant received = T0.plusSeconds(3600L * i);
        return Contribution.of(new IncidentState(UUID.randomUUID(), received, "NURA",
                i % 2 == 0 ? "BULLYING" : "NEGLECT", severity, "SCHOOL", i % 3 == 0 ? "school-1" : "school-x", child,
                received.plusSeconds(5 + i), null, received.plusSeconds(20 + 7L * i),
                received.plusSeconds(60 + 31L * i), i % 4 == 0 ? received.plusSeconds(900) : null,
                received.plusSeconds(1800 + 60L * i), received.plusSeconds(7200 + 600L * i), null,
                received.plusSeconds(300), true, i % 5 == 0 ? List.of("SMS") : List.of()));
    }

    private static List<Contribution> incidents() {
        List<Contribution> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(incident(i, String.format("%016x", i % 45), i % 3 == 0 ? "P1" : "P2"));
        }
        return all;
    }

    @Test
    void mergedPartsGiveTheFiguresOfTheWhole() {
        Tally whole = new Tally();
        Tally first = new Tally();
        Tally second = new Tally();
        List<Contribution> all = incidents();
        for (int i = 0; i < all.size(); i++) {
            whole.add(all.get(i));
            (i < 25 ? first : second).add(all.get(i));
        }
        Tally merged = new Tally();
        merged.merge(first);
        merged.merge(second);
        Summary expected = whole.summary(REGISTRY, NOW);
        assertEquals(expected, merged.summary(REGISTRY, NOW));
        assertEquals(60, expected.incidents());
        assertEquals(45, expected.childrenCounselled()); // 60 incidents of 45 children, some in both parts
        assertEquals(1, expected.schools().covered());
        assertEquals(1, expected.schools().unknown());
        assertEquals(12, expected.pageFailuresByChannel().get("SMS"));
    }

    @Test
    void aStoredTallyReadsBackWithTheSameFigures() {
        Tally t = new Tally();
        incidents().forEach(t::add);
        Tally read = TallyCodec.decode(TallyCodec.encode(t));
        assertEquals(t.summary(REGISTRY, NOW), read.summary(REGISTRY, NOW));
        Tally twice = new Tally();
        twice.merge(read);
        twice.merge(TallyCodec.decode(TallyCodec.encode(new Tally())));
        assertEquals(t.summary(REGISTRY, NOW), twice.summary(REGISTRY, NOW));
    }

    @Test
    void aYearIsTwelveMonthsNotTheWeeksAcrossThem() {
        // Tuesday 2025-12-02 to 2026-12-02: days to Sunday, weeks to the end of December, eleven months, a day
        Map<String, List<LocalDate>> cover = Statistics.cover(LocalDate.parse("2025-12-02"),
                LocalDate.parse("2026-12-02"), java.util.Set.of());
        assertEquals(11, cover.get("M").size());
        assertEquals(LocalDate.parse("2026-01-01"), cover.get("M").get(0));
        assertEquals(List.of(LocalDate.parse("2025-12-08"), LocalDate.parse("2025-12-15"),
                LocalDate.parse("2025-12-22")), cover.get("W"));
        assertEquals(6 + 3 + 1, cover.get("D").size()); // 2-7 December, 29-31 December, 1 December 2026
    }

    @Test
    void aPeriodIsCoveredByItsMonthsThenWeeksThenDays() {
        // Wednesday 2026-01-28 to Wednesday 2026-04-22: four days, two whole months, five days to Sunday, two
        // weeks from Monday, two days
        Map<String, List<LocalDate>> cover = Statistics.cover(LocalDate.parse("2026-01-28"),
                LocalDate.parse("2026-04-22"), java.util.Set.of());
        assertEquals(List.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01")), cover.get("M"));
        assertEquals(List.of(LocalDate.parse("2026-04-06"), LocalDate.parse("2026-04-13")), cover.get("W"));
        List<LocalDate> days = new ArrayList<>();
        for (String d : List.of("01-28", "01-29", "01-30", "01-31", "04-01", "04-02", "04-03", "04-04", "04-05",
                "04-20", "04-21")) {
            days.add(LocalDate.parse("2026-" + d));
        }
        assertEquals(days, cover.get("D"));
        // March and the week of 13 April changed since they were rolled up: their weeks and days instead (the
        // weeks inside March: the one from Monday 30 March ends in April)
        Map<String, List<LocalDate>> fresh = Statistics.cover(LocalDate.parse("2026-01-28"),
                LocalDate.parse("2026-04-22"), java.util.Set.of("M2026-03-01", "W2026-04-13"));
        assertEquals(List.of(LocalDate.parse("2026-02-01")), fresh.get("M"));
        List<LocalDate> weeks = new ArrayList<>();
        for (String d : List.of("03-02", "03-09", "03-16", "03-23", "04-06")) {
            weeks.add(LocalDate.parse("2026-" + d));
        }
        assertEquals(weeks, fresh.get("W"));
        List<LocalDate> freshDays = new ArrayList<>(days.subList(0, 4));
        for (String d : List.of("03-01", "03-30", "03-31", "04-01", "04-02", "04-03", "04-04", "04-05")) {
            freshDays.add(LocalDate.parse("2026-" + d));
        }
        for (LocalDate d = LocalDate.parse("2026-04-13"); d.isBefore(LocalDate.parse("2026-04-22")); d = d.plusDays(1)) {
            freshDays.add(d);
        }
        assertEquals(freshDays, fresh.get("D"));
    }
}
