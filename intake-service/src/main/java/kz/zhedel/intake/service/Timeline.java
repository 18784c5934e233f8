package kz.zhedel.intake.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
        // see the other's status before moving it forward.
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw new IllegalArgumentException("no incident " + incidentId + " in intake");
        }
        TimelineEntry.of(incidentId, status, at, detail).persist();
        if (status.isAfter(incident.status)) {
            incident.status = status;
        }
    }
}
