package kz.zhedel.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.CancelReason;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.testing.RealInfrastructure;

/** The inbox: an event's effects and its inbox row commit together, so a redelivery changes nothing. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxTransactionTest {

    @Inject
    InboxTransaction inbox;

    static final IncidentCancelled EVENT = new IncidentCancelled(UUID.randomUUID(), CancelReason.OTHER, null,
            Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void aRedeliveredEventIsSkipped() {
        AtomicInteger applied = new AtomicInteger();
        String id = UUID.randomUUID().toString();
        inbox.apply(id, "kz.zhedel.incident.cancelled.v1", EVENT, e -> applied.incrementAndGet());
        inbox.apply(id, "kz.zhedel.incident.cancelled.v1", EVENT, e -> applied.incrementAndGet());
        assertEquals(1, applied.get());
        inbox.apply(UUID.randomUUID().toString(), "kz.zhedel.incident.cancelled.v1", EVENT,
                e -> applied.incrementAndGet());
        assertEquals(2, applied.get(), "another event id is another event");
    }

    @Test
    void anEventWhoseHandlerFailedIsAppliedOnItsNextDelivery() {
        AtomicInteger applied = new AtomicInteger();
        String id = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> inbox.apply(id, "kz.zhedel.incident.cancelled.v1", EVENT,
                e -> {
                    throw new IllegalStateException("the handler failed");
                }));
        // the inbox row rolled back with the handler's work: the event is not marked processed
        inbox.apply(id, "kz.zhedel.incident.cancelled.v1", EVENT, e -> applied.incrementAndGet());
        assertEquals(1, applied.get());
    }
}
