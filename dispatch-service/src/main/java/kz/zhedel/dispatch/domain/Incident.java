package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;

/** An incident as dispatch sees it: its classification, never the child's personal data. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public District district;

    @Enumerated(EnumType.STRING)
    @Column(name = "child_language", nullable = false)
    public Language childLanguage;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    /** The team rules version the incident was dispatched under. */
    @Column(name = "rule_version")
    public Integer ruleVersion;

    /** How many earlier incidents intake linked to this one as being about the same child (never who). */
    @Column(name = "linked_incidents", nullable = false)
    public int linkedIncidents;

    /** Why the coordinator cancelled it; null while not cancelled. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancelReason cancelReason;

    /** The coordinator's own words on the cancellation: free text, sealed, never in an event. */
    @Convert(converter = FreeTextCipher.class)
    @Column(name = "cancel_comment")
    public String cancelComment;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    /**
     * Incidents waiting for a role (ordered by id, after {@code after} when given), locked; rows another instance
     * holds are skipped.
     */
    @SuppressWarnings("unchecked")
    public static List<Incident> claimWaiting(UUID after, int limit) {
        return getEntityManager().createNativeQuery("select * from incident"
                + " where status in ('UNASSIGNED', 'PARTIALLY_ASSIGNED') and (cast(?1 as uuid) is null or id > ?1)"
                + " order by id limit ?2 for update skip locked", Incident.class)
                .setParameter(1, after).setParameter(2, limit).getResultList();
    }

    public static Incident of(IncidentReported reported, IncidentStatus status, int ruleVersion) {
        Incident incident = new Incident();
        incident.id = reported.incidentId();
        incident.category = reported.category();
        incident.severity = reported.severity();
        incident.district = reported.district();
        incident.childLanguage = reported.childLanguage();
        incident.receivedAt = reported.receivedAt();
        incident.status = status;
        incident.ruleVersion = ruleVersion;
        incident.linkedIncidents = reported.linkedIncidents();
        return incident;
    }
}
