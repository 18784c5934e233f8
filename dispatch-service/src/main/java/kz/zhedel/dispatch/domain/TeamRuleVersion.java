package kz.zhedel.dispatch.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the team rules, as JSON; versions are only ever added. */
@Entity
@Table(name = "team_rules")
public class TeamRuleVersion extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The latest version's number and creation time, without its body. */
    public record Stamp(int version, Instant createdAt) {
    }

    public static Stamp latestStamp() {
        Object[] row = getEntityManager().createQuery("select v.version, v.createdAt from TeamRuleVersion v"
                + " order by v.version desc", Object[].class)
                .setMaxResults(1).getSingleResult();
        return new Stamp((Integer) row[0], (Instant) row[1]);
    }

    public static TeamRuleVersion latest() {
        return find("order by version desc").firstResult();
    }

    /**
     * The latest version, read after taking the transaction-scoped lock on replacing the rules: a concurrent
     * replacement commits first and this one becomes the version after it, instead of both claiming one number.
     */
    public static TeamRuleVersion latestForReplacing() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('team_rules'))")
                .getSingleResult();
        return latest();
    }
}
