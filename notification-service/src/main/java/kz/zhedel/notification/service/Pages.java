package kz.zhedel.notification.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageRequested;
import kz.zhedel.notification.config.AckConfig;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;
import kz.zhedel.platform.outbox.Outbox;
import kz.zhedel.platform.tracing.TraceParent;
import kz.zhedel.platform.tx.AfterCommit;

/**
 * Takes dispatch's page requests: the page and its deliveries, one per contact in order. The first is due now, a
 * timed step at its delay, a backup when the contact before it fails.
 */
@ApplicationScoped
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class);
    private static final SecureRandom RANDOM = new SecureRandom();

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
        TraceParent trace = TraceParent.current(); // the consumer's span: delivery and answer continue it
        page.traceParent = trace.traceparent();
        page.traceState = trace.tracestate();
        page.responderId = event.responderId();
        page.category = event.category();
        page.severity = event.severity();
        page.district = event.district();
        page.language = event.language();
        page.responderLanguage = event.responderLanguage();
        page.ackDeadline = event.ackDeadline();
        page.role = event.role();
        page.linkedIncidents = event.linkedIncidents();
        if (event.alert() != null) {
            page.alertReason = event.alert().reason();
            page.alertRole = event.alert().role();
        }
        page.status = PageStatus.REQUESTED;
        page.requestedAt = event.requestedAt() == null ? now : event.requestedAt();
        // From receipt, not from requestedAt: a page that waited in Kafka still gets a link that works for the TTL.
        page.ackExpiresAt = now.plus(ack.ttl()).truncatedTo(ChronoUnit.SECONDS);

        List<Contact> contacts = event.contacts() == null ? List.of()
                : event.contacts().stream()
                        .filter(c -> c != null && c.channel() != null && c.address() != null && !c.address().isBlank())
                        .toList();
        if (contacts.stream().anyMatch(c -> c.channel() == Channel.SMS || c.channel() == Channel.VOICE)) {
            page.replyCode = replyCode(now);
        }
        Optional<Page> answered = Page.acknowledgedOfAssignment(page.assignmentId);
        if (answered.isPresent()) {
            // Dispatch re-paged before the acknowledgement reached it (e.g. it was down): tell it again, page no one.
            page.persist();
            outbox.record(page.acknowledge(answered.get().acknowledgedAt));
            LOG.infof("page %s not sent: assignment %s was already acknowledged", page.id, page.assignmentId);
            return;
        }
        page.persist();
        for (int position = 0; position < contacts.size(); position++) {
            Contact contact = contacts.get(position);
            Delivery delivery = Delivery.pending(page, position, contact.channel(), contact.address().strip());
            Duration delay = contact.delay() == null && position == 0 ? Duration.ZERO : contact.delay();
            if (delay != null) {
                // a timed step: due at its time whatever the steps before it did; a backup waits for them
                delivery.timedStep(delay, now);
            }
            delivery.persist();
        }
        if (contacts.isEmpty()) {
            page.failed("no usable contact", now).ifPresent(outbox::record);
            return;
        }
        // The page leaves right after the request commits instead of at the worker's next poll.
        afterCommit.run(worker::wake);
    }

    /** Four digits no other open page uses, so that a reply names one page (the sender's number is checked too). */
    private String replyCode(Instant now) {
        String code;
        int tries = 0;
        do {
            code = Integer.toString(1000 + RANDOM.nextInt(9000));
        } while (!Page.openWithReplyCode(code, now).isEmpty() && ++tries < 20);
        return code;
    }
}
