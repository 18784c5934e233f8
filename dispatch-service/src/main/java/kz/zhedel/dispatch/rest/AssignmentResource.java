package kz.zhedel.dispatch.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus.Action;
import kz.zhedel.dispatch.service.Actors;
import kz.zhedel.dispatch.service.Lifecycle;
import kz.zhedel.platform.security.Roles;

/**
 * A responder's steps on their assignment, taken by the responder (a token whose subject is their id) or by ops on
 * their behalf. Another responder's assignment is answered like a missing one.
 */
@Path("/api/v1/assignments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPS, Roles.RESPONDER })
public class AssignmentResource {

    @Inject
    Lifecycle lifecycle;

    @Inject
    SecurityIdentity caller;

    @Inject
    Actors actors;

    @POST
    @Path("/acknowledge")
    @Operation(summary = "The responder takes the case (ASSIGNED -> ACKNOWLEDGED); stops the deadline")
    public IncidentView.AssignmentView acknowledge(@PathParam("id") UUID id, @Valid Step step) {
        return act(id, Action.ACKNOWLEDGE, step);
    }

    @POST
    @Path("/decline")
    @Operation(summary = "The responder cannot take the case; the next on-call responder of the role is paged")
    public IncidentView.AssignmentView decline(@PathParam("id") UUID id, @Valid Step step) {
        return act(id, Action.DECLINE, step);
    }

    @POST
    @Path("/on-scene")
    @Operation(summary = "The responder arrived (ACKNOWLEDGED -> ON_SCENE)")
    public IncidentView.AssignmentView onScene(@PathParam("id") UUID id, @Valid Step step) {
        return act(id, Action.ON_SCENE, step);
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "The responder's part is done (ON_SCENE -> RESOLVED)")
    public IncidentView.AssignmentView resolve(@PathParam("id") UUID id, @Valid Step step) {
        return act(id, Action.RESOLVE, step);
    }

    private IncidentView.AssignmentView act(UUID id, Action action, Step step) {
        if (!caller.hasRole(Roles.OPS)) {
            Assignment assignment = Assignment.findById(id);
            if (assignment == null || !assignment.responderId.toString().equals(caller.getPrincipal().getName())) {
                throw new NotFoundException("no assignment " + id);
            }
        }
        return IncidentView.AssignmentView.of(lifecycle.act(id, action, step == null ? null : step.reason(),
                actors.caller()));
    }
}
