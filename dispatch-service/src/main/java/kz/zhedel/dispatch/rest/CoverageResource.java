package kz.zhedel.dispatch.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.dispatch.service.Coverage;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class CoverageResource {

    /** A month of shifts and daily turns is plenty to plan with and keeps the computation small. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private static final String INSTANT = "an ISO-8601 instant such as 2026-01-10T08:00:00Z";

    @Inject
    Coverage coverage;

    public record CoverageView(Instant from, Instant to, ResponderRole role, District district,
            List<Coverage.Gap> gaps) {
    }

    @GET
    @Operation(summary = "Stretches of [from, to) (at most 31 days) with nobody of a role (and district) on call")
    public CoverageView gaps(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("role") String role, @QueryParam("district") String district) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!end.isAfter(start)) {
            throw new BadRequestException("query parameter to must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new BadRequestException("query parameter to must be at most 31 days after from");
        }
        ResponderRole roleFilter = QueryParams.optional("role", role, ResponderRole::valueOf,
                "one of " + Arrays.toString(ResponderRole.values()));
        District districtFilter = QueryParams.optional("district", district, District::valueOf,
                "one of " + Arrays.toString(District.values()));
        return new CoverageView(start, end, roleFilter, districtFilter,
                coverage.gaps(start, end, roleFilter, districtFilter));
    }

    private static Instant required(String name, String value) {
        Instant parsed = QueryParams.optional(name, value, Instant::parse, INSTANT);
        if (parsed == null) {
            throw new BadRequestException("query parameter " + name + " is required: " + INSTANT);
        }
        return parsed;
    }
}
