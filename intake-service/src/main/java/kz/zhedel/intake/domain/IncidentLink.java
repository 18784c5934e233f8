package kz.zhedel.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

/** An incident linked to an earlier one about the same child (same child key, within the window). */
@Entity
@Table(name = "incident_link")
public class IncidentLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "earlier_id", nullable = false)
    public UUID earlierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkStatus status;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Every link the incident takes part in, to earlier and to later incidents. */
    public static List<IncidentLink> of(UUID incidentId) {
        return list("incidentId = ?1 or earlierId = ?1 order by linkedAt", incidentId);
    }

    /** How many earlier incidents the incident is linked to, split links left out. */
    public static long earlierCount(UUID incidentId) {
        return count("incidentId = ?1 and status <> ?2", incidentId, LinkStatus.SPLIT);
    }

    public UUID other(UUID incidentId) {
        return incidentId.equals(this.incidentId) ? earlierId : this.incidentId;
    }
}
