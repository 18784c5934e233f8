package kz.zhedel.dispatch.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;

/**
 * An on-call responder weighed for an incident. {@code via} says how they are on call ("on shift", "on call via
 * rotation 'Night psychologists'"); {@code load} is the work in their hands weighted by severity;
 * {@code restingSince} is when their last work in hand ended ({@code at} while they have some; null: never, so rested
 * longest).
 */
public record Candidate(Responder responder, String via, boolean coversDistrict, boolean speaksLanguage,
        long openAssignments, long load, Instant restingSince, Instant at) {

    /**
     * Best first: covers the incident's district, then speaks the child's language, then carries the lightest load,
     * then has rested longest since their last work ended; the responder id breaks remaining ties so that the same
     * roster always gives the same answer.
     */
    static final Comparator<Candidate> PREFERENCE = Comparator.comparing((Candidate c) -> !c.coversDistrict())
            .thenComparing(c -> !c.speaksLanguage())
            .thenComparingLong(Candidate::load)
            .thenComparing(Candidate::restingSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.responder().id);

    /** Why this candidate won; staff and classification data only. */
    public String reason(District district, Language language) {
        String code = language.name().toLowerCase(Locale.ROOT);
        return via + ", " + (coversDistrict ? "covers " + district : "nobody on shift covers " + district)
                + ", " + (speaksLanguage ? "speaks " + code : "does not speak " + code)
                + ", " + openAssignments + " open"
                + (load > 0 ? ", load " + load : "")
                + (openAssignments > 0 || restingSince == null ? ""
                        : ", rested " + rest(Duration.between(restingSince, at)));
    }

    private static String rest(Duration rest) {
        return rest.toHours() > 0 ? rest.toHours() + "h" : Math.max(0, rest.toMinutes()) + "m";
    }
}
