package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.testing.Kafka.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** Business metrics: how fast a report reaches a person, by severity, and the events dispatch committed. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class BusinessMetricsTest {

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);

    @Inject
    MovableClock clock;

    @Inject
    MeterRegistry registry;



    @Test
    void timeToFirstPageAndToAcknowledgementAreMeasuredFromTheReport() {
        Instant now = clock.travelTo(Instant.parse("2041-07-01T22:00:00Z"));
        UUID psychologist = Ops.onShift("psy-metrics", ResponderRole.PSYCHOLOGIST, "ru", District.YESIL, now);
        IncidentReported report = reported(now, District.YESIL, Language.RU); // P2, received 5 s before now
        Snapshot before = new Snapshot();

        Kafka.send(report);
        PageRequested page = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        Kafka.send(new PageDelivered(page.incidentId(), page.pageId(), page.assignmentId(), Channel.WEBHOOK,
                now.plusSeconds(15)));
        // a second report of the page reaching a device is not the incident's first page again
        Kafka.send(new PageDelivered(page.incidentId(), page.pageId(), page.assignmentId(), Channel.EMAIL,
                now.plusSeconds(25)));
        Kafka.send(new PageAcknowledged(page.incidentId(), page.pageId(), page.assignmentId(), page.responderId(),
                now.plusSeconds(55)));
        dispatch.awaitOnly(report.incidentId(), AssignmentAcknowledged.class);

        eventually().untilAsserted(() -> {
            Snapshot after = new Snapshot();
            assertEquals(1, after.firstPages - before.firstPages, "one first page");
            assertEquals(20.0, after.firstPageSeconds - before.firstPageSeconds, 0.001, "received → delivered");
            assertEquals(1, after.acks - before.acks, "one acknowledgement");
            assertEquals(60.0, after.ackSeconds - before.ackSeconds, 0.001, "received → acknowledged");
            assertEquals(1.0, after.acknowledgedEvents - before.acknowledgedEvents, "committed events, once");
        });
    }

    /** The meters' values at one moment (0 for a meter not registered yet). */
    final class Snapshot {
        final long firstPages;
        final double firstPageSeconds;
        final long acks;
        final double ackSeconds;
        final double acknowledgedEvents;

        Snapshot() {
            Timer first = registry.find("zhedel.incident.first.page").tag("severity", "P2").timer();
            Timer ack = registry.find("zhedel.assignment.acknowledgement").tag("severity", "P2").timer();
            Counter events = registry.find("zhedel.events")
                    .tag("type", EventType.ASSIGNMENT_ACKNOWLEDGED.ceType()).counter();
            firstPages = first == null ? 0 : first.count();
            firstPageSeconds = first == null ? 0 : first.totalTime(TimeUnit.SECONDS);
            acks = ack == null ? 0 : ack.count();
            ackSeconds = ack == null ? 0 : ack.totalTime(TimeUnit.SECONDS);
            acknowledgedEvents = events == null ? 0 : events.count();
        }
    }
}
