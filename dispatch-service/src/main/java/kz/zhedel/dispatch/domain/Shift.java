package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A responder's on-call time, from {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
@Entity
@Table(name = "shift")
public class Shift extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "responder_id", nullable = false)
    public UUID responderId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** Shifts of one responder and/or covering one moment; a null filter matches all. */
    public static List<Shift> matching(UUID responderId, Instant at) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (responderId != null) {
            query.append(" and responderId = :responderId");
            parameters.put("responderId", responderId);
        }
        if (at != null) {
            query.append(" and startsAt <= :at and endsAt > :at");
            parameters.put("at", at);
        }
        return list(query.append(" order by startsAt, id").toString(), parameters);
    }
}
