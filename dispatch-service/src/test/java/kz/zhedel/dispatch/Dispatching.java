package kz.zhedel.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.quarkus.narayana.jta.QuarkusTransaction;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;
import kz.zhedel.platform.outbox.OutboxEvent;
import kz.zhedel.testing.Kafka;

/** Shared steps of the tests that drive dispatch through Kafka. */
final class Dispatching {

    private Dispatching() {
    }

    static IncidentReported reported(Instant now, District district, Language childLanguage) {
        return reported(now, Category.BULLYING, Severity.P2, district, childLanguage);
    }

    static IncidentReported reported(Instant now, Category category, Severity severity, District district,
            Language childLanguage) {
        return new IncidentReported(UUID.randomUUID(), "school-a", category, severity, district,
                "school-baikonur-17", childLanguage, now.minusSeconds(600), now.minusSeconds(5));
    }

    /** Waits until dispatch-service has committed its offset past {@code sent}: the record was fully handled. */
    static void awaitHandled(RecordMetadata sent) {
        Kafka.awaitHandled("dispatch-service", sent);
    }

    /** How many events of the type dispatch recorded for the incident: exact, unlike a topic still being read. */
    static long recorded(UUID incidentId, EventType type) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("recordKey = ?1 and ceType = ?2",
                incidentId.toString(), type.ceType()));
    }

    static List<EventType> recorded(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 order by id", incidentId.toString()).stream()
                .map(row -> EventType.ofCeType(row.ceType).orElseThrow()).toList());
    }
}
