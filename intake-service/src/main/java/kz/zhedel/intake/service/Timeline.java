package kz.zhedel.intake.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentStatus;
import kz.zhedel.intake.domain.TimelineEntry;

/**
 * Follows the events coming back from dispatch and notification. Events of one incident arrive on two topics, so
 * they may cross: the timeline keeps every step in time order and the status only moves forward.
 */
@ApplicationScoped
public class Timeline {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID incidentId, IncidentStatus status, Instant at, String detail) {
        // Locked: the dispatch and notification channels apply events of one incident concurrently, and each must
        // see the other's status before moving it forward. FOR NO KEY UPDATE, the lock the status update takes
        // anyway: a consumer's batch holds it on several incidents until it commits, and a new report about the same
        // child takes a key-share lock on each earlier incident for its links (their foreign key), which FOR UPDATE
        // would block, in the opposite order: a deadlock.
        // Only the status is read: loading the incident would decrypt the child's personal data for every event.
        Object current = Incident.getEntityManager()
                .createNativeQuery("select status from incident where id = ?1 for no key update")
                .setParameter(1, incidentId)
                .getResultStream().findFirst().orElse(null);
        if (current == null) {
            throw new IllegalArgumentException("no incident " + incidentId + " in intake");
        }
        TimelineEntry.of(incidentId, status, at, detail).persist();
        if (status.isAfter(IncidentStatus.valueOf(current.toString()))) {
            Incident.update("status = ?1 where id = ?2", status, incidentId);
        }
    }
}
