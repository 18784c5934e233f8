package kz.zhedel.intake.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.TimelineEntry;
import kz.zhedel.intake.service.IncidentIntake;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class IncidentResource {

    @Inject
    IncidentIntake intake;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an incident about a child; answers at once, dispatch follows asynchronously")
    public Response report(@NotNull(message = "a JSON body is required") @Valid IncidentReport report) {
        String partner = caller.getPrincipal().getName();
        intake.earlier(partner, report.externalRef()).ifPresent(existing -> {
            throw new ClientErrorException("externalRef " + report.externalRef() + " was already reported as "
                    + existing.id, Response.status(Response.Status.CONFLICT)
                            .location(location(existing.id)).build());
        });
        Incident incident = intake.receive(partner, report);
        return Response.accepted(new Accepted(incident.id, incident.status)).location(location(incident.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.COORDINATOR })
    @Operation(summary = "Status and timeline of one of the caller's incidents (the coordinator's: of any)")
    public IncidentView get(@PathParam("id") UUID id) {
        return IncidentView.of(visible(id), TimelineEntry.of(id));
    }

    /** The incident if the caller may see it; another partner's is answered exactly like a missing one. */
    private Incident visible(UUID id) {
        Incident incident = caller.hasRole(Roles.COORDINATOR) ? Incident.findById(id)
                : Incident.findOwned(id, caller.getPrincipal().getName());
        if (incident == null) {
            throw new NotFoundException("no incident " + id);
        }
        return incident;
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/incidents/" + id);
    }
}
