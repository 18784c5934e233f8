package kz.zhedel.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.ZhedelEvent;

/** Builds and reads Kafka records exactly as the services exchange them: binary-mode CloudEvents, JSON data. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A record for {@code event} with a fresh CloudEvent id. */
    public static ProducerRecord<String, String> of(ZhedelEvent event) {
        return of(event, UUID.randomUUID().toString());
    }

    /** A record with a given CloudEvent id, e.g. to redeliver the same event. */
    public static ProducerRecord<String, String> of(ZhedelEvent event, String ceId) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.incidentId().toString(),
                EventJson.write(event));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(ceId))
                .add("ce_type", bytes(type.ceType()))
                .add("ce_source", bytes("urn:zhedel:test"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    /** The event a record carries, decoded by its {@code ce_type} header. */
    public static ZhedelEvent decode(ConsumerRecord<String, String> record) {
        EventType type = EventType.ofCeType(header(record, "ce_type"))
                .orElseThrow(() -> new AssertionError("unknown ce_type " + header(record, "ce_type")));
        return EventJson.read(type, record.value());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
