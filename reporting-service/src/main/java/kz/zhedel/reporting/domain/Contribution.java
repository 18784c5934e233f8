package kz.zhedel.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What one incident adds to the statistics: its Asia/Almaty day of receipt, its classification and, per figure and
 * bin, a count. It is a pure function of the incident's merged state, so any arrival order of the events gives the
 * same contribution; reporting replaces the old one with the new one as a difference in the aggregates.
 */
public record Contribution(LocalDate day, Dimensions dimensions, Map<Cell, Long> cells) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    /** The response times measured from receipt, each a histogram per severity. */
    public static final List<Milestone> TIMED = List.of(Milestone.ASSIGNED, Milestone.PAGED, Milestone.ACKNOWLEDGED,
            Milestone.ON_SCENE, Milestone.RESOLVED);

    /** One figure's bin: 0 for counts, a histogram bucket or a child's pseudonym. */
    public record Cell(String figure, long bin) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell other) {
            int byFigure = figure.compareTo(other.figure);
            return byFigure != 0 ? byFigure : Long.compare(bin, other.bin);
        }
    }

    /** Where an incident is counted; never null ({@code ""} for no school, {@code UNKNOWN} for no partner kind). */
    public record Dimensions(String district, String category, String severity, String partnerKind, String schoolId) {
    }

    public static final Contribution NONE = new Contribution(null, null, Map.of());

    /** Buckets of three significant digits: seconds up to 2,048 exact, later ones within 0.1%. */
    private static final Histogram BUCKETS = new Histogram(3);

    /** The bucket a duration in seconds falls into: the bucket's lowest value. */
    public static long bucket(long seconds) {
        return BUCKETS.lowestEquivalentValue(Math.max(0, seconds));
    }

    public static Contribution of(IncidentState s) {
        if (s.receivedAt() == null) {
            return NONE; // the report has not arrived: nothing to place
        }
        Map<Cell, Long> cells = new TreeMap<>();
        count(cells, Figure.INCIDENTS, true);
        count(cells, Figure.UNASSIGNED, s.assignedAt() == null && s.lastUnassignedAt() != null);
        count(cells, Figure.ESCALATED, s.escalatedAt() != null);
        count(cells, Figure.CANCELLED, s.cancelledAt() != null);
        boolean within = s.acknowledgedAt() != null && s.ackDeadline() != null
                && !s.acknowledgedAt().isAfter(s.ackDeadline());
        boolean breached = !within && (s.escalatedAt() != null || (s.acknowledgedAt() != null && s.ackDeadline() != null));
        count(cells, Figure.SLA_WITHIN, within);
        count(cells, Figure.SLA_BREACHED, breached);
        Map<Milestone, Instant> times = new HashMap<>();
        times.put(Milestone.ASSIGNED, s.assignedAt());
        times.put(Milestone.PAGED, s.pagedAt());
        times.put(Milestone.ACKNOWLEDGED, s.acknowledgedAt());
        times.put(Milestone.ON_SCENE, s.onSceneAt());
        times.put(Milestone.RESOLVED, s.resolvedAt());
        for (Milestone m : TIMED) {
            Instant at = times.get(m);
            if (at != null) {
                cells.merge(new Cell(Figure.TIME + m.name(), bucket(Duration.between(s.receivedAt(), at).toSeconds())),
                        1L, Long::sum);
            }
        }
        if (s.psychologistAcknowledged() && s.cancelledAt() == null) {
            cells.put(new Cell(Figure.CHILD, child(s)), 1L);
        }
        for (String channel : s.failedPageChannels()) {
            cells.merge(new Cell(Figure.PAGE_FAILED + channel, 0), 1L, Long::sum);
        }
        LocalDate day = LocalDate.ofInstant(s.receivedAt(), ZONE);
        return new Contribution(day, new Dimensions(orEmpty(s.district()), orEmpty(s.category()),
                orEmpty(s.severity()), s.partnerKind() == null ? "UNKNOWN" : s.partnerKind(), orEmpty(s.schoolId())),
                cells);
    }

    /** The child's 64-bit pseudonym; without one (no name, no statistics key) the incident is a child of its own. */
    static long child(IncidentState s) {
        String key = s.childKey();
        if (key != null && key.length() >= 16 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.fromHexDigitsToLong(key.substring(0, 16));
        }
        return s.incidentId().getMostSignificantBits() ^ s.incidentId().getLeastSignificantBits();
    }

    private static void count(Map<Cell, Long> cells, String figure, boolean yes) {
        if (yes) {
            cells.put(new Cell(figure, 0), 1L);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
