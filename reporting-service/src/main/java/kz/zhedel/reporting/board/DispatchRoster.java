package kz.zhedel.reporting.board;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.events.ResponderRole;

/**
 * Dispatch's roster as the coordinator reads it (dispatch's README, API), called with the signed-in user's bearer
 * token, so that the board's assign form offers names instead of ids. Only what the form shows is read: a
 * responder's contacts are dropped unread.
 */
@RegisterRestClient(configKey = "dispatch")
@Path("/api/v1/responders")
@Produces(MediaType.APPLICATION_JSON)
public interface DispatchRoster {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Responder(UUID id, String name, ResponderRole role, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnCall(UUID responderId, String via) {
    }

    @GET
    List<Responder> responders(@HeaderParam("Authorization") String bearer, @QueryParam("role") ResponderRole role);

    @GET
    @Path("/on-call")
    List<OnCall> onCall(@HeaderParam("Authorization") String bearer, @QueryParam("role") ResponderRole role);
}
