package kz.zhedel.dispatch.service;

import java.util.Comparator;
import java.util.Locale;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;

/** An on-shift responder weighed for an incident. */
public record Candidate(Responder responder, boolean coversDistrict, boolean speaksLanguage, long openAssignments) {

    /**
     * Best first: covers the incident's district, then speaks the child's language, then carries the fewest open
     * assignments; the responder id breaks remaining ties so that the same roster always gives the same answer.
     */
    static final Comparator<Candidate> PREFERENCE = Comparator.comparing((Candidate c) -> !c.coversDistrict())
            .thenComparing(c -> !c.speaksLanguage())
            .thenComparingLong(Candidate::openAssignments)
            .thenComparing(c -> c.responder().id);

    /** Why this candidate won; staff and classification data only. */
    String reason(District district, Language language) {
        String code = language.name().toLowerCase(Locale.ROOT);
        return "on shift, " + (coversDistrict ? "covers " + district : "nobody on shift covers " + district)
                + ", " + (speaksLanguage ? "speaks " + code : "does not speak " + code)
                + ", " + openAssignments + " open";
    }
}
