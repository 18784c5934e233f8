package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.Actor;

/**
 * A coordinator's note on an incident: free text that may name a child, so sealed at rest and shown only in the
 * coordinator's views, never in a page, an event or a log line.
 */
@Entity
@Table(name = "incident_note")
public class IncidentNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "author_subject", nullable = false)
    public String authorSubject;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false)
    public Instant at;

    @Convert(converter = FreeTextCipher.class)
    @Column(nullable = false)
    public String text;

    public static IncidentNote of(UUID incidentId, Actor author, Instant at, String text) {
        IncidentNote note = new IncidentNote();
        note.id = UUID.randomUUID();
        note.incidentId = incidentId;
        note.authorSubject = author.subject();
        note.authorRole = author.role();
        note.at = at;
        note.text = text;
        return note;
    }

    public static List<IncidentNote> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by at, id", incidentId);
    }
}
