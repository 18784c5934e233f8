package kz.zhedel.dispatch.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import kz.zhedel.dispatch.domain.Handoff;
import kz.zhedel.dispatch.domain.Rotation;
import kz.zhedel.dispatch.domain.RotationOverride;
import kz.zhedel.dispatch.domain.RotationSchedule;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

public record RotationView(UUID id, String name, ResponderRole role, List<District> districts, Handoff handoff,
        LocalTime handoffTime, DayOfWeek handoffDay, String zone, Instant start, Instant end, List<UUID> participants,
        List<OverrideView> overrides) {

    public record OverrideView(UUID id, UUID rotationId, UUID responderId, Instant start, Instant end,
            UUID replaces) {

        public static OverrideView of(RotationOverride override) {
            return new OverrideView(override.id, override.rotationId, override.responderId, override.startsAt,
                    override.endsAt, override.replaces);
        }
    }

    public static RotationView of(Rotation rotation, List<RotationOverride> overrides) {
        return new RotationView(rotation.id, rotation.name, rotation.role, List.copyOf(rotation.districts),
                rotation.handoff, rotation.handoffTime, rotation.handoffDay,
                RotationSchedule.ZONE.getId(), rotation.startsAt, rotation.endsAt,
                List.copyOf(rotation.participants), overrides.stream().map(OverrideView::of).toList());
    }
}
