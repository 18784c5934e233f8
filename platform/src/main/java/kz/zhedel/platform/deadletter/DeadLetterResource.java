package kz.zhedel.platform.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.platform.security.Roles;

/** The service's dead letters for ops ({@code ./zhedel dlq SERVICE}): listed, and replayed to their topics. */
@Path("/api/v1/dead-letters")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** What a replay sent back to its topic. */
    public record Replayed(List<DeadLetter> replayed) {
    }

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "Every record on this service's dead-letter topic: type, key, reason, time, and whether "
            + "its event has been applied since")
    public List<DeadLetter> list() {
        return deadLetters.list();
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Feed every dead letter not applied since back to its original topic (each event once)")
    public Replayed replayAll() {
        return new Replayed(deadLetters.replayUnprocessed());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Feed one dead letter (partition-offset) back to its original topic; the inbox drops it "
            + "if its event was already applied")
    public Replayed replay(@PathParam("id") String id) {
        return deadLetters.replay(id).map(d -> new Replayed(List.of(d)))
                .orElseThrow(() -> new NotFoundException("no dead letter " + id + " (ids are partition-offset)"));
    }
}
