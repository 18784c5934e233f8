package kz.zhedel.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.EventType;

/**
 * Business events as they happen, counted once their transaction commits ({@code zhedel_events_total{type}}): reports
 * received ({@code incident.reported} in intake), pages requested, escalations, pages delivered and failed,
 * acknowledgements. A rolled back attempt counts nothing.
 */
@ApplicationScoped
public class EventsRecorded {

    static final String EVENTS = "zhedel.events";

    @Inject
    MeterRegistry registry;

    public void committed(EventType type) {
        registry.counter(EVENTS, "type", type.ceType()).increment();
    }
}
