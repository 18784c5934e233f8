package kz.zhedel.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of an incident's timeline; {@code detail} never holds personal data. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    @Column(nullable = false)
    public Instant at;

    public String detail;

    public static TimelineEntry of(UUID incidentId, IncidentStatus status, Instant at, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.incidentId = incidentId;
        entry.status = status;
        entry.at = at;
        entry.detail = detail;
        return entry;
    }

    public static List<TimelineEntry> of(UUID incidentId) {
        return list("incidentId = ?1 order by at, id", incidentId);
    }
}
