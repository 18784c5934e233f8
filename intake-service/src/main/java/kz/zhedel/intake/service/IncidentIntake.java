package kz.zhedel.intake.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.zhedel.events.IncidentReported;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.Partner;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.domain.TimelineEntry;
import kz.zhedel.intake.rest.IncidentReport;
import kz.zhedel.platform.outbox.Outbox;

/** Stores a partner's report and announces it, in one transaction; repeats with the same Idempotency-Key once. */
@ApplicationScoped
public class IncidentIntake {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    SameChild sameChild;

    @Inject
    ChildKey childKey;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager db;

    /** What a report led to: a new incident, or the answer already given to its Idempotency-Key. */
    public sealed interface Outcome {
    }

    public record Received(Incident incident) implements Outcome {
    }

    public record Replayed(IdempotencyKeys.Answer answer) implements Outcome {
    }

    /**
     * Stores a report unless its Idempotency-Key (optional) was used before: then the first answer is replayed if
     * the request is the same, and a different request under the same key is refused (422).
     */
    @Transactional
    public Outcome report(String partnerId, String idempotencyKey, IncidentReport report) {
        if (idempotencyKey != null) {
            String hash = requestHash(report);
            Optional<IdempotencyKeys.Answer> earlier = idempotencyKeys.claim(partnerId, idempotencyKey, hash);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw new WebApplicationException("Idempotency-Key " + idempotencyKey
                            + " was already used for a different request", 422);
                }
                return new Replayed(earlier.get());
            }
        }
        lockExternalRef(partnerId, report.externalRef());
        Incident.<Incident>find("partnerId = ?1 and externalRef = ?2", partnerId, report.externalRef())
                .firstResultOptional().ifPresent(existing -> {
                    throw new ClientErrorException("externalRef " + report.externalRef() + " was already reported as "
                            + existing.id, Response.status(Response.Status.CONFLICT)
                                    .location(location(existing.id)).build());
                });
        Incident incident = receive(partnerId, report);
        if (idempotencyKey != null) {
            idempotencyKeys.answer(partnerId, idempotencyKey, Response.Status.ACCEPTED.getStatusCode(),
                    location(incident.id).toString(), write(new Accepted(incident.id, incident.status)));
        }
        return new Received(incident);
    }

    /**
     * Concurrent reports of one (partner, externalRef) queue here until the first commits, so the others find its
     * incident and answer 409 with its Location instead of hitting the unique index (a 500).
     */
    private void lockExternalRef(String partnerId, String externalRef) {
        db.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, partnerId + '\n' + externalRef).getSingleResult();
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/incidents/" + id);
    }

    private Incident receive(String partnerId, IncidentReport report) {
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
        int linked = sameChild.link(incident);
        TimelineEntry.of(incident.id, IncidentStatus.RECEIVED, now, "reported by " + partnerId).persist();
        // for statistics: the partner's kind (null for a configured key outside the registry), the child's pseudonym
        Partner partner = Partner.findById(partnerId);
        outbox.record(new IncidentReported(incident.id, partnerId, incident.category, incident.severity,
                incident.district, incident.schoolId, incident.childLanguage, incident.occurredAt, now, linked,
                partner == null ? null : partner.kind.name(), childKey.forStatistics(incident.childKey).orElse(null)));
        return incident;
    }

    /** Hash of the request as read: the same report sent with other whitespace or field order is the same. */
    private String requestHash(IncidentReport report) {
        return Digests.sha256(write(report));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
