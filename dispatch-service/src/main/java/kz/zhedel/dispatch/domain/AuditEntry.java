package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change ops made to the roster: who, when, what, and the entity before and after (JSON). */
@Entity
@Table(name = "ops_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String entity;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(name = "before_json")
    public String before;

    @Column(name = "after_json")
    public String after;

    /** Newest first; the id orders entries of the same microsecond by insertion. */
    public static List<AuditEntry> newest(String entity, int limit) {
        return (entity == null ? find("order by at desc, id desc")
                : find("entity = ?1 order by at desc, id desc", entity)).page(0, limit).list();
    }
}
