package kz.zhedel.reporting.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;

/**
 * A part of the incidents the rollup keeps figures for: all of them, those of one value of one dimension, or those
 * of one cell (one value of each of the four dimensions, {@code district|category|partnerKind|schoolType}); of any
 * severity ({@code ""}) or one. A filter on at most one dimension besides severity reads one slice, a filter on more
 * the cells it covers; an incident belongs to twelve slices (six, of any and of its own severity).
 */
public record Slice(Dimension dimension, String value, String severity) {

    /** The partner kinds a report can come from ({@code UNKNOWN}: a partner not in the registry). */
    public static final List<String> PARTNER_KINDS = List.of("SCHOOL", "POLICE", "HELPLINE", "PSYCHOLOGICAL_CENTRE",
            "UNKNOWN");

    /** The school types a filter names: the registry's, a school it lacks, no school. */
    public static final List<String> SCHOOL_TYPES = List.of("STATE", "PRIVATE", "UNKNOWN", "NONE");

    private static final String CELL_SEPARATOR = "|";

    public enum Dimension {
        ALL, DISTRICT, CATEGORY, PARTNER_KIND, SCHOOL_TYPE, CELL;

        String of(Contribution.Dimensions d, String schoolType) {
            return switch (this) {
                case ALL -> "";
                case DISTRICT -> d.district();
                case CATEGORY -> d.category();
                case PARTNER_KIND -> d.partnerKind();
                case SCHOOL_TYPE -> schoolType;
                case CELL -> String.join(CELL_SEPARATOR, d.district(), d.category(), d.partnerKind(), schoolType);
            };
        }
    }

    /** The slices an incident counts in; {@code schoolType} as {@code Schools.Registry#filterType} gives it. */
    public static List<Slice> of(Contribution.Dimensions d, String schoolType) {
        List<Slice> slices = new ArrayList<>(12);
        for (Dimension dimension : Dimension.values()) {
            String value = dimension.of(d, schoolType);
            slices.add(new Slice(dimension, value, ""));
            slices.add(new Slice(dimension, value, d.severity()));
        }
        return slices;
    }

    /**
     * The slices whose tallies, merged, are the figures of the incidents a filter covers: its one slice, or for two
     * dimensions or more the cells of every value of the dimensions it leaves open.
     */
    public static List<Slice> covering(StatsFilter filter) {
        return of(filter).map(List::of).orElseGet(() -> cells(filter));
    }

    private static List<Slice> cells(StatsFilter filter) {
        List<String> values = List.of("");
        values = extend(values, filter.district(), names(District.values()));
        values = extend(values, filter.category(), names(Category.values()));
        values = extend(values, filter.partnerKind(), PARTNER_KINDS);
        values = extend(values, filter.schoolType(), SCHOOL_TYPES);
        String severity = filter.severity().orElse("");
        return values.stream().map(v -> new Slice(Dimension.CELL, v, severity)).toList();
    }

    private static List<String> extend(List<String> prefixes, Optional<String> wanted, List<String> all) {
        List<String> extended = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String value : wanted.map(List::of).orElse(all)) {
                extended.add(prefix.isEmpty() ? value : prefix + CELL_SEPARATOR + value);
            }
        }
        return extended;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The one slice a filter reads, or empty when it names two dimensions or more besides severity. */
    public static Optional<Slice> of(StatsFilter filter) {
        String severity = filter.severity().orElse("");
        List<Slice> named = new ArrayList<>();
        filter.district().ifPresent(v -> named.add(new Slice(Dimension.DISTRICT, v, severity)));
        filter.category().ifPresent(v -> named.add(new Slice(Dimension.CATEGORY, v, severity)));
        filter.partnerKind().ifPresent(v -> named.add(new Slice(Dimension.PARTNER_KIND, v, severity)));
        filter.schoolType().ifPresent(v -> named.add(new Slice(Dimension.SCHOOL_TYPE, v, severity)));
        return switch (named.size()) {
            case 0 -> Optional.of(new Slice(Dimension.ALL, "", severity));
            case 1 -> Optional.of(named.get(0));
            default -> Optional.empty();
        };
    }
}
