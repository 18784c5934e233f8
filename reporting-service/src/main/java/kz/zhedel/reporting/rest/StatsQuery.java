package kz.zhedel.reporting.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.platform.rest.InvalidFields;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.domain.Slice;
import kz.zhedel.reporting.domain.StatsFilter;

/** The period and filters of the ops team's statistics routes, checked: a bad value is a 400 naming it. */
public class StatsQuery {

    @Parameter(description = "Earliest receipt time included, ISO-8601 instant", example = "2026-01-01T00:00:00Z")
    @QueryParam("from")
    String from;

    @Parameter(description = "Receipt time excluded from here on, ISO-8601 instant", example = "2026-02-01T00:00:00Z")
    @QueryParam("to")
    String to;

    @Parameter(description = "Only this district")
    @QueryParam("district")
    String district;

    @Parameter(description = "Only this category")
    @QueryParam("category")
    String category;

    @Parameter(description = "Only this severity")
    @QueryParam("severity")
    String severity;

    @Parameter(description = "Only reports of this partner kind (UNKNOWN: outside intake's registry)")
    @QueryParam("partnerKind")
    String partnerKind;

    @Parameter(description = "Only schools of this type: STATE, PRIVATE, UNKNOWN (not in the registry), "
            + "NONE (no school)")
    @QueryParam("schoolType")
    String schoolType;

    public Period period() {
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw InvalidFields.parameter("from", "must not be after to (" + end.get() + ")");
        }
        return new Period(start, end);
    }

    /** The period with both bounds given. */
    public Period boundedPeriod() {
        if (from == null || from.isBlank()) {
            throw InvalidFields.parameter("from", "is required, an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        if (to == null || to.isBlank()) {
            throw InvalidFields.parameter("to", "is required, an ISO-8601 instant such as 2026-02-01T00:00:00Z");
        }
        return period();
    }

    public StatsFilter filter() {
        return new StatsFilter(oneOf("district", district, names(District.values())),
                oneOf("category", category, names(Category.values())),
                oneOf("severity", severity, names(Severity.values())),
                oneOf("partnerKind", partnerKind, Slice.PARTNER_KINDS),
                oneOf("schoolType", schoolType, Slice.SCHOOL_TYPES));
    }

    /** A parameter's value, upper case, checked against its list. */
    static Optional<String> oneOf(String parameter, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw InvalidFields.parameter(parameter, "must be one of " + String.join(", ", allowed));
        }
        return Optional.of(wanted);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Optional<Instant> instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw InvalidFields.parameter(parameter, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
