package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.TeamRuleVersion;
import kz.zhedel.dispatch.domain.TeamRules;

/** The versioned team rules: the latest version dispatches new incidents, older ones stay for the record. */
@ApplicationScoped
public class Rulebook {

    /** A rule table with the version it was stored under. */
    public record Versioned(int version, Instant createdAt, TeamRules rules) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    OpsAudit audit;

    /**
     * Versions are only ever added, never changed: each is read and parsed once (dispatching an incident asked for
     * the latest and for its deadlines' version, each a query and a JSON parse). Keyed by number and checked
     * against the latest's creation time, so that a number reused after a replacement rolled back is read again.
     */
    private final Map<Integer, Versioned> versions = new ConcurrentHashMap<>();

    public Versioned latest() {
        TeamRuleVersion.Stamp latest = TeamRuleVersion.latestStamp();
        Versioned known = versions.get(latest.version());
        if (known != null && known.createdAt().equals(latest.createdAt())) {
            return known;
        }
        return remember(read(TeamRuleVersion.findById(latest.version())));
    }

    public Versioned version(int version) {
        Versioned known = versions.get(version);
        return known != null ? known : remember(read(TeamRuleVersion.findById(version)));
    }

    private Versioned remember(Versioned version) {
        versions.put(version.version(), version);
        return version;
    }

    /** The rules an incident was dispatched under (the latest for incidents from before rules were versioned). */
    public TeamRules of(Incident incident) {
        return (incident.ruleVersion == null ? latest() : version(incident.ruleVersion)).rules();
    }

    /** Stores the table as the next version; concurrent replacements line up, each under a number of its own. */
    @Transactional
    public Versioned replace(TeamRules rules) {
        TeamRuleVersion latest = TeamRuleVersion.latestForReplacing();
        TeamRuleVersion next = new TeamRuleVersion();
        next.version = latest.version + 1;
        next.createdAt = clock.instant();
        try {
            next.body = json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team rules cannot be written as JSON", e);
        }
        next.persist();
        Versioned replaced = new Versioned(next.version, next.createdAt, rules);
        audit.record("rules.replaced", "rules", next.version, read(latest), replaced);
        return replaced;
    }

    private Versioned read(TeamRuleVersion row) {
        try {
            return new Versioned(row.version, row.createdAt, json.readValue(row.body, TeamRules.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team rules version " + row.version + " cannot be read", e);
        }
    }
}
