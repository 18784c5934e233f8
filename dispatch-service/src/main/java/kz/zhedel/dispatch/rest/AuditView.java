package kz.zhedel.dispatch.rest;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.zhedel.dispatch.domain.AuditEntry;

/** An audit entry with its before/after states as JSON objects (null when there was none). */
public record AuditView(long id, Instant at, String actor, String action, String entity, String entityId,
        JsonNode before, JsonNode after) {

    static AuditView of(AuditEntry entry, ObjectMapper json) {
        return new AuditView(entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.entityId,
                parse(entry.before, json), parse(entry.after, json));
    }

    private static JsonNode parse(String state, ObjectMapper json) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry holds unreadable JSON", e);
        }
    }
}
