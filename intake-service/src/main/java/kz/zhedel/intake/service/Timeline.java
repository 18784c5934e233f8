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
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw new IllegalArgumentException("no incident " + incidentId + " in intake");
        }
        TimelineEntry.of(incidentId, status, at, detail).persist();
        if (status.isAfter(incident.status)) {
            incident.status = status;
        }
    }
}
