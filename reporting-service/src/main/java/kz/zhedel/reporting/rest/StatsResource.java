package kz.zhedel.reporting.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.platform.security.Roles;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.service.Statistics;
import kz.zhedel.reporting.service.Summary;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
public class StatsResource {

    @Inject
    Statistics statistics;

    @GET
    @Path("/summary")
    @Operation(summary = "Exact counts and median response times of the incidents received in [from, to), "
            + "for the ops team (small counts are not suppressed)")
    public Summary summary(
            @Parameter(description = "Earliest receipt time included, ISO-8601 instant",
                    example = "2026-01-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Receipt time excluded from here on, ISO-8601 instant",
                    example = "2026-02-01T00:00:00Z") @QueryParam("to") String to) {
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw new InvalidParameter("from", "must not be after to (" + end.get() + ")");
        }
        return statistics.summary(new Period(start, end));
    }

    private static Optional<Instant> instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(parameter, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
