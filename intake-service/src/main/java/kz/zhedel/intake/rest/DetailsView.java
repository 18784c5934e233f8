package kz.zhedel.intake.rest;

import java.time.Instant;
import java.util.UUID;

import kz.zhedel.events.Language;
import kz.zhedel.intake.domain.Gender;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.ReporterRole;

/** An incident's personal data, for those who need to know; empty once retention has erased it. */
public record DetailsView(UUID id, Child child, Reporter reporter, String summary, Instant personalDataErasedAt) {

    public record Child(String firstName, String lastName, Integer birthYear, Gender gender, Language language) {
    }

    public record Reporter(String name, String phone, ReporterRole role) {
    }

    public static DetailsView of(Incident incident) {
        return new DetailsView(incident.id,
                new Child(incident.childFirstName, incident.childLastName, incident.childBirthYear,
                        incident.childGender, incident.childLanguage),
                new Reporter(incident.reporterName, incident.reporterPhone, incident.reporterRole),
                incident.summary, incident.personalDataErasedAt);
    }
}
