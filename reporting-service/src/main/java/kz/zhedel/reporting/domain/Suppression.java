package kz.zhedel.reporting.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Complementary suppression over the published equations {@code total = sum of parts} (incidents by category, by
 * district, by severity; each step's count over the severities). An equation with exactly one hidden member gives it
 * away, so the smallest shown non-zero part (else the total) is hidden as well, until no equation has exactly one;
 * equations share members (the incidents total), so this repeats until nothing changes.
 */
public final class Suppression {

    public record Equation(PublishedCount total, List<PublishedCount> parts) {
        List<PublishedCount> members() {
            List<PublishedCount> all = new ArrayList<>(parts);
            all.add(total);
            return all;
        }
    }

    private Suppression() {
    }

    public static void apply(List<Equation> equations) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                if (e.members().stream().filter(PublishedCount::hidden).count() == 1) {
                    next(e).hideToProtectAnother();
                    changed = true;
                }
            }
        }
    }

    private static PublishedCount next(Equation e) {
        Optional<PublishedCount> part = e.parts().stream().filter(c -> !c.hidden() && c.value() > 0)
                .min(Comparator.comparingLong(PublishedCount::value));
        return part.orElse(e.total());
    }
}
