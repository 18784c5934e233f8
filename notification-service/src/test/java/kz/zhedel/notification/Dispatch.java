package kz.zhedel.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import kz.zhedel.events.Category;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/** Plays dispatch-service: page requests on its topic, as CloudEvents records. */
final class Dispatch {

    private static KafkaCompanion kafka;

    private Dispatch() {
    }

    /** A page request for a fresh incident. */
    static PageRequested pageRequest(Contact... contacts) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Category.BULLYING, Severity.P2, District.BAIKONUR, Language.KK, List.of(contacts), Instant.now());
    }

    @SafeVarargs
    static synchronized void send(ProducerRecord<String, String>... records) {
        if (kafka == null) {
            kafka = RealInfrastructure.kafkaCompanion();
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    static PageRequested request(Contact... contacts) {
        PageRequested request = pageRequest(contacts);
        send(CloudEventRecords.of(request));
        return request;
    }
}
