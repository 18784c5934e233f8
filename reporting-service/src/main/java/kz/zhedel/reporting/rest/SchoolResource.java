package kz.zhedel.reporting.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.platform.security.Roles;
import kz.zhedel.reporting.csv.Csv;
import kz.zhedel.reporting.service.SchoolCsv;
import kz.zhedel.reporting.service.Schools;

@Path("/api/v1/schools")
public class SchoolResource {

    /** What an import replaced the registry with. */
    public record Imported(long schools, long state, long privateSchools) {
    }

    @Inject
    Schools schools;

    @PUT
    @Consumes(Csv.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Replace the whole school registry with a CSV (id,name,type,district with a header; type "
            + "STATE or PRIVATE, district one of Astana's); any error rejects the whole file (400 naming line and "
            + "column) and leaves the registry as it was")
    public Imported replace(String csv) {
        List<Schools.School> registry = SchoolCsv.read(csv, false);
        schools.replace(registry);
        long state = registry.stream().filter(s -> "STATE".equals(s.type())).count();
        return new Imported(registry.size(), state, registry.size() - state);
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
    @Operation(summary = "The school registry by id (JSON; sample: loaded by the dev stack, not a real school), or "
            + "on Accept: text/csv the CSV that PUT takes")
    public Response list(@Context HttpHeaders headers) {
        List<Schools.School> all = schools.all();
        return Negotiation.wantsCsv(headers) ? Response.ok(SchoolCsv.write(all), Negotiation.CSV).build()
                : Response.ok(all, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
