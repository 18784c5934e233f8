package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A responder covering a rotation from {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
@Entity
@Table(name = "rotation_override")
public class RotationOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rotation_id", nullable = false)
    public UUID rotationId;

    @Column(name = "responder_id", nullable = false)
    public UUID responderId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** Only while this participant's turn would have them on call; null: whoever's turn it is. */
    @Column(name = "replaces_responder_id")
    public UUID replaces;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Cover cover() {
        return new Cover(responderId, startsAt, endsAt, replaces);
    }

    /** Overrides of a rotation overlapping [from, to), oldest first so that the latest wins. */
    public static List<Cover> overlapping(UUID rotationId, Instant from, Instant to) {
        return RotationOverride.<RotationOverride>list("rotationId = ?1 and startsAt < ?3 and endsAt > ?2"
                + " order by createdAt, id", rotationId, from, to).stream().map(RotationOverride::cover).toList();
    }

    public static List<RotationOverride> ofRotation(UUID rotationId) {
        return list("rotationId = ?1 order by startsAt, createdAt, id", rotationId);
    }
}
