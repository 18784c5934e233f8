package kz.zhedel.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import kz.zhedel.intake.domain.AccessAudit;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.platform.security.Roles;

/**
 * Need to know: an incident's personal data goes to the partner that reported it, to the responders dispatch
 * assigned to it and to the coordinator, and each read is audited in the same transaction. To anyone else the
 * incident does not exist (404).
 */
@ApplicationScoped
public class Disclosure {

    @Inject
    EntityManager db;

    @Inject
    Clock clock;

    @Transactional
    public Incident read(UUID incidentId, SecurityIdentity caller, String purpose) {
        String principal = caller.getPrincipal().getName();
        String role = roleOf(caller);
        Incident incident = Incident.findById(incidentId);
        boolean allowed = incident != null && switch (role) {
            case Roles.COORDINATOR -> true;
            case Roles.PARTNER -> incident.partnerId.equals(principal);
            case Roles.RESPONDER -> isAssigned(incidentId, principal);
            default -> false;
        };
        if (!allowed) {
            throw new NotFoundException("no incident " + incidentId);
        }
        AccessAudit audit = new AccessAudit();
        audit.incidentId = incidentId;
        audit.principal = principal;
        audit.role = role;
        audit.purpose = purpose;
        audit.at = clock.instant();
        audit.persist();
        return incident;
    }

    /** Records a responder dispatch assigned to the incident (from its IncidentDispatched events). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(UUID incidentId, UUID responderId, Instant at) {
        db.createNativeQuery("""
                insert into incident_responder (incident_id, responder_id, assigned_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, incidentId).setParameter(2, responderId)
                .setParameter(3, java.sql.Timestamp.from(at)).executeUpdate();
    }

    private boolean isAssigned(UUID incidentId, String principal) {
        UUID responder;
        try {
            responder = UUID.fromString(principal);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ((Number) db.createNativeQuery(
                "select count(*) from incident_responder where incident_id = ?1 and responder_id = ?2")
                .setParameter(1, incidentId).setParameter(2, responder).getSingleResult()).longValue() > 0;
    }

    /** The role the caller reads in; the coordinator's wins if a token carries several. */
    private static String roleOf(SecurityIdentity caller) {
        for (String role : new String[] { Roles.COORDINATOR, Roles.RESPONDER, Roles.PARTNER }) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        throw new NotFoundException("no incident");
    }
}
