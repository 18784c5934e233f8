package kz.zhedel.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhedel.events.Category;
import kz.zhedel.events.Contact;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.Kafka;

/** Plays dispatch-service: page requests on its topic, as CloudEvents records. */
final class Dispatch {

    private Dispatch() {
    }

    /** A page request for a fresh incident, to a fresh responder speaking Kazakh. */
    static PageRequested pageRequest(Contact... contacts) {
        return pageRequest(UUID.randomUUID(), Language.KK, contacts);
    }

    static PageRequested pageRequest(UUID responderId, Language responderLanguage, Contact... contacts) {
        return pageRequest(responderId, responderLanguage, Severity.P2, null, contacts);
    }

    /** A page of the given severity; with an {@code alert}, a page to the duty coordinator. */
    static PageRequested pageRequest(UUID responderId, Language responderLanguage, Severity severity,
            CoordinatorAlert alert, Contact... contacts) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), responderId,
                Category.BULLYING, severity, District.BAIKONUR, Language.KK, responderLanguage, List.of(contacts),
                Instant.now(), Instant.parse("2041-03-01T10:15:00Z"), alert);
    }

    static PageRequested request(UUID responderId, Language responderLanguage, Severity severity,
            CoordinatorAlert alert, Contact... contacts) {
        PageRequested request = pageRequest(responderId, responderLanguage, severity, alert, contacts);
        Kafka.send(request);
        return request;
    }

    static PageRequested request(UUID responderId, Language responderLanguage, Contact... contacts) {
        PageRequested request = pageRequest(responderId, responderLanguage, contacts);
        Kafka.send(request);
        return request;
    }

    static PageRequested request(Contact... contacts) {
        PageRequested request = pageRequest(contacts);
        Kafka.send(request);
        return request;
    }
}
