package kz.zhedel.dispatch.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

/** A recurring on-call rotation of one role for some districts; {@link RotationSchedule} says whose turn it is. */
@Entity
@Table(name = "rotation")
public class Rotation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponderRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Handoff handoff;

    @Column(name = "handoff_time", nullable = false)
    public LocalTime handoffTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "handoff_day")
    public DayOfWeek handoffDay;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** From this moment on nobody is on call through the rotation; null while it runs on. */
    @Column(name = "ends_at")
    public Instant endsAt;

    @ElementCollection
    @CollectionTable(name = "rotation_district", joinColumns = @JoinColumn(name = "rotation_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "district", nullable = false)
    public List<District> districts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "rotation_participant", joinColumns = @JoinColumn(name = "rotation_id"))
    @OrderColumn(name = "position")
    @Column(name = "responder_id", nullable = false)
    public List<UUID> participants = new ArrayList<>();

    public RotationSchedule schedule() {
        return new RotationSchedule(handoff, handoffTime, handoffDay, startsAt, participants);
    }

    /** Whether the rotation still puts someone on call at {@code at} (it may not have started yet). */
    public boolean runsAt(Instant at) {
        return endsAt == null || at.isBefore(endsAt);
    }

    public boolean covers(District district) {
        return districts.contains(district);
    }

    /** Rotations of a role (all roles when null), oldest first. */
    public static List<Rotation> ofRole(ResponderRole role) {
        return role == null ? list("order by createdAt, id") : list("role = ?1 order by createdAt, id", role);
    }
}
