package kz.zhedel.dispatch.rest;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.service.OnCall;
import kz.zhedel.dispatch.service.Roster;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/responders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class ResponderResource {

    @Inject
    Roster roster;

    @Inject
    OnCall onCall;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a responder with their districts, languages and contacts (tried in the given order)")
    public Response enrol(@NotNull(message = "a JSON body is required") @Valid NewResponder request) {
        Responder responder = roster.enrol(request);
        return Response.created(URI.create("/api/v1/responders/" + responder.id))
                .entity(ResponderView.of(responder)).build();
    }

    /** Who of a role is on call now and how: the coordinator's choice when assigning by hand (the ops board). */
    public record OnCallView(UUID responderId, String via) {
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
    @Operation(summary = "All responders, or those of one role (also for the coordinator, who assigns by name)")
    public List<ResponderView> list(@QueryParam("role") String role) {
        ResponderRole filter = QueryParams.optional("role", role, ResponderRole::valueOf,
                "one of " + Arrays.toString(ResponderRole.values()));
        return Responder.byRole(filter).stream().map(ResponderView::of).toList();
    }

    @GET
    @Path("/on-call")
    @RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
    @Operation(summary = "The active responders of a role on call now (shift or rotation turn), and how")
    public List<OnCallView> onCall(@QueryParam("role") String role) {
        String roles = "one of " + Arrays.toString(ResponderRole.values());
        ResponderRole filter = QueryParams.optional("role", role, ResponderRole::valueOf, roles);
        if (filter == null) {
            throw new BadRequestException("query parameter role must be " + roles);
        }
        return onCall.onCall(filter, clock.instant()).entrySet().stream()
                .map(e -> new OnCallView(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One responder")
    public ResponderView get(@PathParam("id") UUID id) {
        return ResponderView.of(Roster.find(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit name, districts, languages or contacts (absent fields stay); the role cannot change")
    public ResponderView edit(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ResponderChanges changes) {
        return ResponderView.of(roster.edit(id, changes));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a responder off the roster: never chosen again; open assignments handed on at once")
    public ResponderView deactivate(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Deactivation request) {
        return ResponderView.of(roster.deactivate(id, request.reason()));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Put a deactivated responder back on the roster")
    public ResponderView activate(@PathParam("id") UUID id) {
        return ResponderView.of(roster.activate(id));
    }
}
