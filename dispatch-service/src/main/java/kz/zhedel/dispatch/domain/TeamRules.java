package kz.zhedel.dispatch.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import kz.zhedel.events.Category;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * Which roles an incident calls out by category and severity, and how long each severity allows for an
 * acknowledgement. A rule with a null category or severity matches any; the most specific matching rule wins.
 */
@ConsistentRules
public record TeamRules(
        @NotNull Map<@NotNull Severity, @NotNull @Positive Long> ackDeadlineSeconds,
        @NotEmpty List<@NotNull @Valid Rule> rules) {

    public record Rule(Category category, Severity severity, @NotEmpty List<@NotNull @Valid RoleRule> roles) {

        boolean matches(Category incidentCategory, Severity incidentSeverity) {
            return (category == null || category == incidentCategory)
                    && (severity == null || severity == incidentSeverity);
        }

        /** A category is more specific than a severity, both more than either alone. */
        int specificity() {
            return (category != null ? 2 : 0) + (severity != null ? 1 : 0);
        }

        boolean isCatchAll() {
            return category == null && severity == null;
        }
    }

    /** A role to page; an informed role ({@code mustAcknowledge} false) has no acknowledgement deadline. */
    public record RoleRule(@NotNull ResponderRole role, @NotNull Boolean mustAcknowledge) {
    }

    /** The rule for an incident; validation guarantees a catch-all, so there always is one. */
    public Rule match(Category category, Severity severity) {
        return rules.stream().filter(r -> r.matches(category, severity))
                .max(Comparator.comparingInt(Rule::specificity)).orElseThrow();
    }

    public Duration ackDeadline(Severity severity) {
        return Duration.ofSeconds(ackDeadlineSeconds.get(severity));
    }
}
