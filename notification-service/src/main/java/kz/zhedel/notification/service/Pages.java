package kz.zhedel.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.Contact;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageRequested;
import kz.zhedel.notification.config.AckConfig;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;
import kz.zhedel.platform.outbox.Outbox;
import kz.zhedel.platform.tx.AfterCommit;

/** Takes dispatch's page requests: the page and its deliveries, one per contact in order, the first one due now. */
@ApplicationScoped
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class);

    @Inject
    Clock clock;

    @Inject
    AckConfig ack;

    @Inject
    Outbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    AfterCommit afterCommit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(PageRequested event) {
        if (Stream.of(event.pageId(), event.assignmentId(), event.responderId(), event.category(), event.severity(),
                event.district()).anyMatch(Objects::isNull)) {
            throw new MalformedEventException("page request for incident " + event.incidentId()
                    + " lacks pageId, assignmentId, responderId, category, severity or district");
        }
        if (Page.findById(event.pageId()) != null) {
            LOG.debugf("page %s was already requested", event.pageId()); // the same page under a new event id
            return;
        }
        Instant now = clock.instant();
        Page page = new Page();
        page.id = event.pageId();
        page.incidentId = event.incidentId();
        page.assignmentId = event.assignmentId();
        page.responderId = event.responderId();
        page.category = event.category();
        page.severity = event.severity();
        page.district = event.district();
        page.language = event.language();
        page.status = PageStatus.REQUESTED;
        page.requestedAt = event.requestedAt() == null ? now : event.requestedAt();
        // From receipt, not from requestedAt: a page that waited in Kafka still gets a link that works for the TTL.
        page.ackExpiresAt = now.plus(ack.ttl()).truncatedTo(ChronoUnit.SECONDS);
        page.persist();

        List<Contact> contacts = event.contacts() == null ? List.of()
                : event.contacts().stream()
                        .filter(c -> c != null && c.channel() != null && c.address() != null && !c.address().isBlank())
                        .toList();
        for (int position = 0; position < contacts.size(); position++) {
            Contact contact = contacts.get(position);
            Delivery delivery = Delivery.pending(page.id, position, contact.channel(), contact.address().strip());
            delivery.nextAttemptAt = position == 0 ? now : null;
            delivery.persist();
        }
        if (contacts.isEmpty()) {
            page.failed("no usable contact", now).ifPresent(outbox::record);
            return;
        }
        // The page leaves right after the request commits instead of at the worker's next poll.
        afterCommit.run(worker::wake);
    }
}
