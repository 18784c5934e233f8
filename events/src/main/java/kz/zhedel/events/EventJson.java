package kz.zhedel.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event payloads, used by every producer and consumer and pinned by the contract test.
 * Unknown fields are ignored so that a producer may add fields without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventJson() {
    }

    public static String write(ZhedelEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** @throws MalformedEventException when the payload does not match the type */
    public static ZhedelEvent read(EventType type, String json) {
        try {
            ZhedelEvent event = MAPPER.readValue(json, type.payload());
            if (event == null || event.incidentId() == null) {
                throw new MalformedEventException(type.ceType() + " without incidentId");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type.ceType() + ": " + e.getOriginalMessage());
        }
    }
}
