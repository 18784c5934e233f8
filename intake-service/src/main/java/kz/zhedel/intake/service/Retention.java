package kz.zhedel.intake.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.zhedel.intake.config.IntakeConfig;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentStatus;

/**
 * Personal data is kept while it is needed: once an incident has been closed for
 * {@code zhedel.intake.retention.personal-data}, its names, birth year, reporter contact, summary and child key are
 * erased. The classification, the timeline and the links stay, and reporting keeps its own facts.
 */
@ApplicationScoped
public class Retention {

    @Inject
    EntityManager db;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    @Inject
    Timeline timeline;

    /** Dispatch resolved the incident ({@code kz.zhedel.incident.resolved.v1}): the retention period starts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID incidentId, Instant at) {
        closed(incidentId, IncidentStatus.RESOLVED, at, "resolved");
    }

    /** Resolved or cancelled: the last step of the timeline, and the retention period starts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID incidentId, IncidentStatus how, Instant at, String detail) {
        timeline.record(incidentId, how, at, detail);
        Incident incident = Incident.findById(incidentId);
        if (incident.closedAt == null) {
            incident.closedAt = at;
        }
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        eraseExpired();
    }

    /** Erases what is past its retention; answers how many incidents it erased. */
    public int eraseExpired() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery("""
                update incident set child_first_name = null, child_last_name = null, child_birth_year = null,
                    reporter_name = null, reporter_phone = null, summary = null, child_key = null,
                    personal_data_erased_at = ?2
                where closed_at < ?1 and personal_data_erased_at is null""")
                .setParameter(1, Timestamp.from(now.minus(config.retention().personalData())))
                .setParameter(2, Timestamp.from(now)).executeUpdate());
    }
}
