package kz.zhedel.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.domain.DeliveryStatus;
import kz.zhedel.platform.tx.AfterCommit;

/**
 * Each contact's outcome, by channel and status ({@code zhedel_page_deliveries_total{channel, status}}: SENT to a
 * gateway, DELIVERED, FAILED), counted once its transaction commits.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    static final String DELIVERIES = "zhedel.page.deliveries";

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    void reached(Channel channel, DeliveryStatus status) {
        afterCommit.run(() -> registry.counter(DELIVERIES, "channel", channel.name(), "status", status.name())
                .increment());
    }
}
