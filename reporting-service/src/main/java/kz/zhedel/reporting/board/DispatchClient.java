package kz.zhedel.reporting.board;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Dispatch's coordinator API (dispatch's README, "The duty coordinator's workflow"), called with the signed-in
 * user's bearer token so that dispatch decides and records who acted. Answers are handed back as they are (the
 * default exception mapper is off): a problem+json from dispatch is shown to the user.
 */
@RegisterRestClient(configKey = "dispatch")
@Path("/api/v1/incidents/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DispatchClient {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assign(UUID responderId, String reason, UUID replaces) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cancel(String reason, String comment) {
    }

    record Note(String text) {
    }

    @POST
    @Path("/assignments")
    Response assign(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID incident, Assign body);

    @POST
    @Path("/cancel")
    Response cancel(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID incident, Cancel body);

    @POST
    @Path("/notes")
    Response note(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID incident, Note body);
}
