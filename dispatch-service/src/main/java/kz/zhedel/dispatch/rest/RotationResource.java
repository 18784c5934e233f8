package kz.zhedel.dispatch.rest;

import java.net.URI;
import java.util.Arrays;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.dispatch.domain.Rotation;
import kz.zhedel.dispatch.domain.RotationOverride;
import kz.zhedel.dispatch.service.Rotations;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/rotations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class RotationResource {

    @Inject
    Rotations rotations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set up a recurring on-call rotation (hand-offs in Asia/Almaty local time)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewRotation request) {
        Rotation rotation = rotations.create(request);
        return Response.created(URI.create("/api/v1/rotations/" + rotation.id))
                .entity(RotationView.of(rotation, List.of())).build();
    }

    @GET
    @Operation(summary = "All rotations, or those of one role, with their overrides")
    public List<RotationView> list(@QueryParam("role") String role) {
        ResponderRole filter = QueryParams.optional("role", role, ResponderRole::valueOf,
                "one of " + Arrays.toString(ResponderRole.values()));
        return Rotation.ofRole(filter).stream()
                .map(r -> RotationView.of(r, RotationOverride.ofRotation(r.id))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rotation with its overrides")
    public RotationView get(@PathParam("id") UUID id) {
        return RotationView.of(rotations.find(id), RotationOverride.ofRotation(id));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a rotation at a moment (now when absent): nobody is on call through it from then on")
    public RotationView end(@PathParam("id") UUID id, RotationEnd request) {
        Rotation rotation = rotations.end(id, request == null ? null : request.at());
        return RotationView.of(rotation, RotationOverride.ofRotation(id));
    }

    @DELETE
    @Path("/{id}/overrides/{overrideId}")
    @Operation(summary = "Remove an override: the rotation's own turns apply again")
    public Response removeOverride(@PathParam("id") UUID id, @PathParam("overrideId") UUID overrideId) {
        rotations.removeOverride(id, overrideId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Have a responder cover the rotation for a while, optionally only for one participant")
    public Response override(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid NewOverride request) {
        RotationOverride override = rotations.override(id, request);
        return Response.created(URI.create("/api/v1/rotations/" + id))
                .entity(RotationView.OverrideView.of(override)).build();
    }
}
