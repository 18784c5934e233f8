package kz.zhedel.intake.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/** An instant written as an ISO-8601 string only: a bare number could be seconds or milliseconds. */
public class IsoInstant extends JsonDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        try {
            return Instant.parse(parser.getText());
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                    "must be an ISO-8601 date-time such as 2026-01-10T08:00:00Z");
        }
    }
}
