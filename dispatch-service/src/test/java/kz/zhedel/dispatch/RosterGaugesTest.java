package kz.zhedel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.service.RosterGauges;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;

/** The gauge the ops team is alerted by: a role with nobody on call at some moment of the next 12 hours. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RosterGaugesTest {

    @Inject
    MovableClock clock;

    @Inject
    RosterGauges gauges;

    @Inject
    MeterRegistry registry;

    @Test
    void aRoleIsUncoveredUntilShiftsCoverTheWholeNextTwelveHours() {
        Instant now = clock.travelTo(Instant.parse("2043-03-01T18:00:00Z"));
        gauges.refresh();
        assertEquals(1, uncovered(ResponderRole.PSYCHOLOGIST, "NURA"), "nobody at all on call in 2043");

        UUID early = Ops.enrol("psy-gauge-early", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA);
        Ops.shift(early, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(6)));
        gauges.refresh();
        assertEquals(1, uncovered(ResponderRole.PSYCHOLOGIST, "NURA"), "the night after 00:00 is still open");

        UUID late = Ops.enrol("psy-gauge-late", ResponderRole.PSYCHOLOGIST, List.of("ru"), District.NURA);
        Ops.shift(late, now.plus(Duration.ofHours(6)), now.plus(Duration.ofHours(13)));
        gauges.refresh();
        assertEquals(0, uncovered(ResponderRole.PSYCHOLOGIST, "NURA"), "two shifts back to back cover it");
        assertEquals(1, uncovered(ResponderRole.PSYCHOLOGIST, "YESIL"), "a district of its own is still open");

        clock.travelTo(now.plus(Duration.ofHours(2)));
        gauges.refresh();
        assertEquals(1, uncovered(ResponderRole.PSYCHOLOGIST, "NURA"), "two hours on, 13 h ahead is past the shifts");
    }

    private double uncovered(ResponderRole role, String district) {
        return registry.get("zhedel.roster.uncovered.roles").tag("role", role.name()).tag("district", district)
                .gauge().value();
    }
}
