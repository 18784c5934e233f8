package kz.zhedel.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.IncidentReported;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.domain.TimelineEntry;
import kz.zhedel.intake.rest.IncidentReport;
import kz.zhedel.platform.outbox.Outbox;

/** Stores a partner's report and announces it, in one transaction. */
@ApplicationScoped
public class IncidentIntake {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The partner's earlier incident with the same external reference, if it already reported this one. */
    public Optional<Incident> earlier(String partnerId, String externalRef) {
        return Incident.find("partnerId = ?1 and externalRef = ?2", partnerId, externalRef).firstResultOptional();
    }

    @Transactional
    public Incident receive(String partnerId, IncidentReport report) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.partnerId = partnerId;
        incident.externalRef = report.externalRef();
        incident.category = report.category();
        incident.severity = report.severity();
        incident.district = report.district();
        incident.schoolId = report.schoolId();
        incident.occurredAt = report.occurredAt() == null ? now : report.occurredAt();
        incident.receivedAt = now;
        incident.status = IncidentStatus.RECEIVED;
        incident.childFirstName = report.child().firstName();
        incident.childLastName = report.child().lastName();
        incident.childBirthYear = report.child().birthYear();
        incident.childGender = report.child().gender();
        incident.childLanguage = report.child().language();
        incident.summary = report.summary();
        if (report.reporter() != null) {
            incident.reporterName = report.reporter().name();
            incident.reporterPhone = report.reporter().phone();
            incident.reporterRole = report.reporter().role();
        }
        incident.persist();
        TimelineEntry.of(incident.id, IncidentStatus.RECEIVED, now, "reported by " + partnerId).persist();
        outbox.record(new IncidentReported(incident.id, partnerId, incident.category, incident.severity,
                incident.district, incident.schoolId, incident.childLanguage, incident.occurredAt, now));
        return incident;
    }
}
