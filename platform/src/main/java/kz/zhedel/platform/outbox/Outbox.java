package kz.zhedel.platform.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.EventIds;
import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.metrics.EventsRecorded;
import kz.zhedel.platform.tracing.TraceParent;
import kz.zhedel.platform.tx.AfterCommit;

/**
 * Records events in the caller's transaction. They reach Kafka only if that transaction commits, and then at once:
 * the relay is woken after commit instead of waiting for its next poll. Each row keeps the caller's trace context,
 * so that the record continues the caller's trace.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Inject
    EventsRecorded events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ZhedelEvent event) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = EventIds.next();
        row.ceType = type.ceType();
        row.topic = type.topic();
        row.recordKey = event.incidentId().toString();
        row.payload = EventJson.write(event);
        row.occurredAt = clock.instant();
        TraceParent trace = TraceParent.current();
        row.traceParent = trace.traceparent();
        row.traceState = trace.tracestate();
        row.persist();
        afterCommit.run(() -> {
            relay.wake();
            events.committed(type);
        });
    }
}
