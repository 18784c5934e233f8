package kz.zhedel.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import kz.zhedel.events.EventJson;
import kz.zhedel.events.EventType;
import kz.zhedel.events.Topics;
import kz.zhedel.events.ZhedelEvent;

/**
 * An event as the services' outbox relay sends it (SmallRye's CloudEvents binary mode): the topic of its type, key
 * = incident id (so the default partitioner puts one incident's events on one partition, in order), the payload
 * {@link EventJson} writes, and the {@code ce_*} headers with {@code ce_source} {@code urn:zhedel:<service>}.
 */
public final class CloudEventRecords {

    private static final Map<String, String> SOURCES = Map.of(Topics.INCIDENTS, "urn:zhedel:intake-service",
            Topics.DISPATCH, "urn:zhedel:dispatch-service", Topics.NOTIFICATIONS, "urn:zhedel:notification-service");

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, String> of(ZhedelEvent event, UUID eventId, Instant occurredAt) {
        EventType type = EventType.of(event);
        String key = event.incidentId().toString();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId.toString());
        header(headers, "ce_type", type.ceType());
        header(headers, "ce_source", SOURCES.get(type.topic()));
        header(headers, "ce_subject", key);
        header(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt.atZone(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(type.topic(), null, key, EventJson.write(event), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
