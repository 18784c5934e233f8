package kz.zhedel.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.intake.config.LinkingConfig;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentLink;
import kz.zhedel.intake.domain.LinkStatus;
import kz.zhedel.platform.outbox.Outbox;

/** Links incidents about the same child, by their pseudonymous child key, and records the coordinator's verdicts. */
@ApplicationScoped
public class SameChild {

    @Inject
    ChildKey childKey;

    @Inject
    LinkingConfig config;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /**
     * Gives a new incident its child key and links it to the earlier incidents with that key received within the
     * window; answers how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int link(Incident incident) {
        incident.childKey = childKey.of(incident.childFirstName, incident.childLastName, incident.childBirthYear);
        Instant now = clock.instant();
        Incident.flush(); // the links reference the new incident's row
        // One statement, whatever the child's history: the earlier incidents are neither loaded nor decrypted.
        return Incident.getEntityManager().createNativeQuery("insert into incident_link "
                + "(incident_id, earlier_id, status, linked_at) select ?1, id, ?2, ?3 from incident "
                + "where child_key = ?4 and id <> ?1 and received_at >= ?5")
                .setParameter(1, incident.id)
                .setParameter(2, LinkStatus.AUTO.name())
                .setParameter(3, now)
                .setParameter(4, incident.childKey)
                .setParameter(5, now.minus(config.window()))
                .executeUpdate();
    }

    /**
     * The coordinator confirms that two linked incidents are about one child, or splits them; dispatch hears the later
     * incident's new count.
     */
    @Transactional
    public IncidentLink decide(UUID incidentId, UUID otherId, LinkStatus verdict, String coordinator) {
        IncidentLink link = IncidentLink.<IncidentLink>find(
                "(incidentId = ?1 and earlierId = ?2) or (incidentId = ?2 and earlierId = ?1)", incidentId, otherId)
                .firstResult();
        if (link == null) {
            throw new NotFoundException("incident " + incidentId + " is not linked to " + otherId);
        }
        link.status = verdict;
        link.decidedBy = coordinator;
        link.decidedAt = clock.instant();
        IncidentLink.flush(); // the count below includes this verdict
        outbox.record(new IncidentLinksChanged(link.incidentId, (int) IncidentLink.earlierCount(link.incidentId),
                link.decidedAt));
        return link;
    }
}
