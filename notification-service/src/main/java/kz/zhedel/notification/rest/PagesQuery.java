package kz.zhedel.notification.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/** The ops query; a bean so that a bad value is reported under its own name, {@code incidentId}. */
public class PagesQuery {

    @QueryParam("incidentId")
    @NotNull(message = "is required")
    @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            message = "must be a UUID")
    public String incidentId;

    UUID incident() {
        return UUID.fromString(incidentId);
    }
}
