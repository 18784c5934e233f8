package kz.zhedel.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import kz.zhedel.platform.outbox.OutboxEvent;
import kz.zhedel.platform.outbox.OutboxRelay;
import kz.zhedel.testing.RealInfrastructure;

/**
 * The outbox backlog gauges (platform), with the relay's safety poll switched off so that a row written without a
 * wake-up stays pending until the relay is woken.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(OutboxBacklogTest.NoPoll.class)
class OutboxBacklogTest {

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhedel.outbox.poll-interval", "1h");
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Test
    void aCommittedEventNotYetRelayedIsCountedWithItsAgeUntilTheRelayPublishesIt() {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0); // the start-up poll drained earlier runs
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = UUID.randomUUID();
            row.ceType = "kz.zhedel.test.backlog.v1";
            row.topic = "zhedel.test.outbox-backlog";
            row.recordKey = "backlog";
            row.payload = "{}";
            row.occurredAt = Instant.now().minus(Duration.ofMinutes(2));
            row.persist(); // no wake-up: only the (switched off) poll would relay it
        });

        assertEquals(1, pending());
        double oldest = registry.get("zhedel.outbox.oldest.seconds").gauge().value();
        assertTrue(oldest >= 120 && oldest < 600, "the oldest is about two minutes old: " + oldest);

        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        assertEquals(0, registry.get("zhedel.outbox.oldest.seconds").gauge().value());
    }

    private double pending() {
        return registry.get("zhedel.outbox.pending").gauge().value();
    }
}
