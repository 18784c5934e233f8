package kz.zhedel.reporting.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A part of the incidents the rollup keeps figures for: all of them, or those of one value of one dimension; of any
 * severity ({@code ""}) or one. A filter on at most one dimension besides severity reads one slice; an incident
 * belongs to ten (five dimensions, any and its own severity).
 */
public record Slice(Dimension dimension, String value, String severity) {

    public enum Dimension {
        ALL, DISTRICT, CATEGORY, PARTNER_KIND, SCHOOL_TYPE;

        String of(Contribution.Dimensions d, String schoolType) {
            return switch (this) {
                case ALL -> "";
                case DISTRICT -> d.district();
                case CATEGORY -> d.category();
                case PARTNER_KIND -> d.partnerKind();
                case SCHOOL_TYPE -> schoolType;
            };
        }
    }

    /** The slices an incident counts in; {@code schoolType} as {@code Schools.Registry#filterType} gives it. */
    public static List<Slice> of(Contribution.Dimensions d, String schoolType) {
        List<Slice> slices = new ArrayList<>(10);
        for (Dimension dimension : Dimension.values()) {
            String value = dimension.of(d, schoolType);
            slices.add(new Slice(dimension, value, ""));
            slices.add(new Slice(dimension, value, d.severity()));
        }
        return slices;
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
