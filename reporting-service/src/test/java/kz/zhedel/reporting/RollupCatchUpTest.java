package kz.zhedel.reporting;

import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;

import kz.zhedel.reporting.service.CatchUp;
import kz.zhedel.reporting.service.RollupConfig;
import kz.zhedel.reporting.service.StatsRollup;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/** While the consumer catches up, a day that keeps changing waits for the catch-up's longer delay. */
@QuarkusTest
@TestProfile(RollupCatchUpTest.ChangingDays.class)
@WithTestResource(RealInfrastructure.class)
class RollupCatchUpTest {

    /**
     * Days quiet at once and rolled up at once after a change, or an hour later while catching up (3 s after a large
     * batch); no scheduled rounds.
     */
    public static class ChangingDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhedel.stats.rollup.every", "1h", "zhedel.stats.rollup.quiet", "0s",
                    "zhedel.stats.rollup.max-delay", "0s", "zhedel.stats.rollup.catch-up-max-delay", "1h",
                    "zhedel.stats.rollup.catch-up-window", "3s");
        }
    }

    @Inject
    StatsRollup rollup;

    @Inject
    CatchUp catchUp;

    @Inject
    RollupConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void theConsumersLagIsMeasuredUnderTheNameCatchUpReads() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !registry.find(CatchUp.LAG).gauges().isEmpty());
    }

    @Test
    void aChangedDayWaitsWhileTheConsumerPollsLargeBatchesAndIsRolledUpOnceTheyStop() {
        String day = "2027-05-05T00:00:00+05:00";
        String nextDay = "2027-05-06T00:00:00+05:00";
        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-05-05T04:00:00Z")));
        // a part of the day is read from the incidents: the event is in
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Fixtures.summary(day, "2027-05-05T23:00:00+05:00")
                .body("incidents", equalTo(1)));

        catchUp.polled(config.catchUpBatch());
        assertTrue(catchUp.behind());
        assertEquals(0, rollup.rollUpDue(), "nothing rolled up while catching up, quiet or not");
        Fixtures.summary(day, nextDay).body("incidents", equalTo(0));

        catchUp.polled(1); // a small batch between two large ones: still catching up
        assertTrue(catchUp.behind());
        await().atMost(Duration.ofSeconds(30)).until(() -> !catchUp.behind());
        assertTrue(rollup.rollUpDue() >= 1, "the day, then its week and month");
        Fixtures.summary(day, nextDay).body("incidents", equalTo(1));
    }
}
