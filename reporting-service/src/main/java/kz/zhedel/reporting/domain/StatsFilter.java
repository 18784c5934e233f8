package kz.zhedel.reporting.domain;

import java.util.Optional;

/**
 * Which incidents a figure covers; an empty field takes all. {@code schoolType}: {@code STATE} or {@code PRIVATE}
 * (from the school registry), {@code UNKNOWN} (a school the registry does not have) or {@code NONE} (no school).
 */
public record StatsFilter(Optional<String> district, Optional<String> category, Optional<String> severity,
        Optional<String> partnerKind, Optional<String> schoolType) {

    public static final StatsFilter ALL = new StatsFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Whether an incident of these dimensions is covered, given the type of its school in the registry. */
    public boolean covers(Contribution.Dimensions d, String typeOfSchool) {
        return matches(district, d.district()) && matches(category, d.category()) && matches(severity, d.severity())
                && matches(partnerKind, d.partnerKind()) && matches(schoolType, typeOfSchool);
    }

    private static boolean matches(Optional<String> wanted, String value) {
        return wanted.isEmpty() || wanted.get().equals(value);
    }
}
