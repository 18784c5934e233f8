package kz.zhedel.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import kz.zhedel.events.EventIds;
import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.Topics;
import kz.zhedel.events.ZhedelEvent;

/**
 * Kafka records exactly as the services' outbox relay sends them (SmallRye's CloudEvents binary mode): the topic of
 * the event's type, key = incident id (so the default partitioner keeps one incident's events on one partition, in
 * order), the JSON {@link EventJson} writes, and the {@code ce_*} headers with {@code ce_source}
 * {@code urn:zhedel:<the service that writes the topic>}. Uses only kafka-clients and events, so that the bench can
 * take it without the rest of this module.
 */
public final class CloudEventRecords {

    private static final Map<String, String> SOURCES = Map.of(Topics.INCIDENTS, "urn:zhedel:intake-service",
            Topics.DISPATCH, "urn:zhedel:dispatch-service", Topics.NOTIFICATIONS, "urn:zhedel:notification-service");

    private CloudEventRecords() {
    }

    /** A record for {@code event} with a fresh CloudEvent id (as the services' outboxes make them), occurring now. */
    public static ProducerRecord<String, String> of(ZhedelEvent event) {
        return of(event, EventIds.next().toString());
    }

    /** A record with a given CloudEvent id, e.g. to redeliver the same event. */
    public static ProducerRecord<String, String> of(ZhedelEvent event, String ceId) {
        return of(event, ceId, Instant.now());
    }

    /** A record with a given CloudEvent id and time ({@code ce_time}). */
    public static ProducerRecord<String, String> of(ZhedelEvent event, String ceId, Instant occurredAt) {
        EventType type = EventType.of(event);
        String key = event.incidentId().toString();
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", ceId);
        add(headers, "ce_type", type.ceType());
        add(headers, "ce_source", SOURCES.get(type.topic()));
        add(headers, "ce_subject", key);
        add(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt.atZone(ZoneOffset.UTC)));
        add(headers, "content-type", "application/json");
        return new ProducerRecord<>(type.topic(), null, key, EventJson.write(event), headers);
    }

    /** The event a record carries, decoded by its {@code ce_type} header. */
    public static ZhedelEvent decode(ConsumerRecord<String, String> record) {
        EventType type = EventType.ofCeType(header(record, "ce_type"))
                .orElseThrow(() -> new AssertionError("unknown ce_type " + header(record, "ce_type")));
        return EventJson.read(type, record.value());
    }

    /** A header's value as text, null when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        return header(record.headers(), name);
    }

    /** A header's value as text, null when there is none: of a record received or one about to be sent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
