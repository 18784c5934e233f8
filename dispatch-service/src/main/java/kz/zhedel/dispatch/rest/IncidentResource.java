package kz.zhedel.dispatch.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
public class IncidentResource {

    @GET
    @Path("/{id}")
    @Operation(summary = "How dispatch handled an incident: status, assignments and why each responder was chosen")
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw new NotFoundException("no incident " + id + " in dispatch");
        }
        return IncidentView.of(incident, Assignment.ofIncident(id));
    }
}
