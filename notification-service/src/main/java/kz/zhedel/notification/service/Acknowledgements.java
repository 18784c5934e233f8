package kz.zhedel.notification.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.platform.outbox.Outbox;

/** A responder took the page: it is acknowledged once, announced once, and its remaining deliveries stop. */
@ApplicationScoped
public class Acknowledgements {

    public enum Outcome {
        ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, UNKNOWN_PAGE
    }

    public record Acknowledgement(Outcome outcome, Page page) {
    }

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public Acknowledgement acknowledge(UUID pageId) {
        Page page = Page.lock(pageId); // two clicks at once: the second waits here and finds it acknowledged
        if (page == null) {
            return new Acknowledgement(Outcome.UNKNOWN_PAGE, null);
        }
        if (page.isAcknowledged()) {
            return new Acknowledgement(Outcome.ALREADY_ACKNOWLEDGED, page);
        }
        outbox.record(page.acknowledge(clock.instant()));
        Delivery.pending(pageId).forEach(Delivery::cancel);
        return new Acknowledgement(Outcome.ACKNOWLEDGED, page);
    }
}
