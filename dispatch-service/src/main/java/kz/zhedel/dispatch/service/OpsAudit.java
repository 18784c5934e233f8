package kz.zhedel.dispatch.service;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.AuditEntry;

/**
 * The audit trail of roster changes. Written in the transaction of the change itself, so a change is never without
 * its entry and an entry never without its change.
 */
@ApplicationScoped
public class OpsAudit {

    /** The actor of changes made without a caller, e.g. by a scheduled job. */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Records a change by the authenticated caller of the current request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entity, Object entityId, Object before, Object after) {
        record(identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName(), action, entity,
                String.valueOf(entityId), before, after);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entity, String entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.before = toJson(before);
        entry.after = toJson(after);
        entry.persist();
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audited " + state.getClass().getSimpleName(), e);
        }
    }
}
