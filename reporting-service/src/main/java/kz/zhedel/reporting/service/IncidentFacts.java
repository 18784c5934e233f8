package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.reporting.domain.Milestone;

/**
 * Merges events into the incident's fact row. Every write is an upsert that keeps what is already known: the
 * classification is never overwritten, and PostgreSQL's {@code least}/{@code greatest} skip nulls, so a time only
 * moves to an earlier (or, for {@link Milestone.Keep#LATEST}, later) one. Any arrival order gives the same row.
 */
@ApplicationScoped
public class IncidentFacts {

    @Inject
    Session session;

    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(IncidentReported event) {
        requireTime(event.receivedAt(), "receivedAt");
        session.createNativeMutationQuery("""
                insert into incident_fact (incident_id, partner_id, category, severity, district, school_id,
                                           child_language, received_at)
                values (:id, :partner, :category, :severity, :district, :school, :language, :receivedAt)
                on conflict (incident_id) do update set
                    partner_id     = coalesce(incident_fact.partner_id, excluded.partner_id),
                    category       = coalesce(incident_fact.category, excluded.category),
                    severity       = coalesce(incident_fact.severity, excluded.severity),
                    district       = coalesce(incident_fact.district, excluded.district),
                    school_id      = coalesce(incident_fact.school_id, excluded.school_id),
                    child_language = coalesce(incident_fact.child_language, excluded.child_language),
                    received_at    = least(incident_fact.received_at, excluded.received_at)
                """)
                .setParameter("id", event.incidentId(), UUID.class)
                .setParameter("partner", event.partnerId(), String.class)
                .setParameter("category", name(event.category()), String.class)
                .setParameter("severity", name(event.severity()), String.class)
                .setParameter("district", name(event.district()), String.class)
                .setParameter("school", event.schoolId(), String.class)
                .setParameter("language", name(event.childLanguage()), String.class)
                .setParameter("receivedAt", event.receivedAt(), Instant.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(UUID incidentId, Milestone milestone, Instant at) {
        requireTime(at, milestone.column());
        String column = milestone.column(); // from the enum, never from input
        String keep = milestone.keep() == Milestone.Keep.EARLIEST ? "least" : "greatest";
        session.createNativeMutationQuery("insert into incident_fact (incident_id, " + column + ") values (:id, :at) "
                + "on conflict (incident_id) do update set "
                + column + " = " + keep + "(incident_fact." + column + ", excluded." + column + ")")
                .setParameter("id", incidentId, UUID.class)
                .setParameter("at", at, Instant.class)
                .executeUpdate();
    }

    /** An event without its time cannot be placed on the timeline: it goes to the dead-letter topic. */
    private static void requireTime(Instant at, String field) {
        if (at == null) {
            throw new MalformedEventException("event without " + field);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
