package kz.zhedel.dispatch.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.dispatch.domain.Shift;
import kz.zhedel.dispatch.service.Roster;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/shifts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class ShiftResource {

    @Inject
    Roster roster;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a responder on call from start (inclusive) to end (exclusive)")
    public Response schedule(@NotNull(message = "a JSON body is required") @Valid NewShift request) {
        Shift shift = roster.schedule(request);
        return Response.created(URI.create("/api/v1/shifts/" + shift.id)).entity(ShiftView.of(shift)).build();
    }

    @GET
    @Operation(summary = "Shifts, optionally of one responder and/or covering one moment")
    public List<ShiftView> list(@QueryParam("responderId") String responderId, @QueryParam("at") String at) {
        UUID responder = QueryParams.optional("responderId", responderId, UUID::fromString, "a UUID");
        Instant moment = QueryParams.optional("at", at, Instant::parse,
                "an ISO-8601 instant such as 2026-01-10T08:00:00Z");
        return Shift.matching(responder, moment).stream().map(ShiftView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a shift: one not yet begun is deleted (204), a running one ends now (200)")
    public Response cancel(@PathParam("id") UUID id) {
        Shift ended = roster.cancel(id);
        return ended == null ? Response.noContent().build() : Response.ok(ShiftView.of(ended)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One shift")
    public ShiftView get(@PathParam("id") UUID id) {
        Shift shift = Shift.findById(id);
        if (shift == null) {
            throw new NotFoundException("no shift " + id);
        }
        return ShiftView.of(shift);
    }
}
