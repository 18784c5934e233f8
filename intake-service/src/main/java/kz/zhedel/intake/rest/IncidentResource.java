package kz.zhedel.intake.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentLink;
import kz.zhedel.intake.domain.LinkStatus;
import kz.zhedel.intake.domain.TimelineEntry;
import kz.zhedel.intake.service.Accepted;
import kz.zhedel.intake.service.Disclosure;
import kz.zhedel.intake.service.IdempotencyKeys;
import kz.zhedel.intake.service.IncidentIntake;
import kz.zhedel.intake.service.IncidentIntake.Outcome;
import kz.zhedel.intake.service.IncidentIntake.Received;
import kz.zhedel.intake.service.IncidentIntake.Replayed;
import kz.zhedel.intake.service.RateLimit;
import kz.zhedel.intake.service.SameChild;
import kz.zhedel.platform.rest.Problem;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class IncidentResource {

    @Inject
    IncidentIntake intake;

    @Inject
    RateLimit rateLimit;

    @Inject
    SameChild sameChild;

    @Inject
    Disclosure disclosure;

    @Inject
    SecurityIdentity caller;

    @Context
    UriInfo uri;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PURPOSE = "X-Purpose";
    /** A short reason or case reference, never free text that could carry a name. */
    private static final String PURPOSE_FORMAT = "[\\p{L}\\p{N} ._:/#-]{1,100}";
    private static final int MAX_KEY_LENGTH = 200;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an incident about a child; answers at once, dispatch follows asynchronously. "
            + "A repeat with the same Idempotency-Key gets the first answer again and creates nothing")
    public Response report(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid IncidentReport report) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return Problem.invalid("invalid header: " + IDEMPOTENCY_KEY, uri.getPath(), List.of(new Problem.FieldError(
                    IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters"))).toResponse();
        }
        rateLimit.acquire(caller.getPrincipal().getName());
        Outcome outcome = intake.report(caller.getPrincipal().getName(), idempotencyKey, report);
        if (outcome instanceof Replayed replayed) {
            IdempotencyKeys.Answer answer = replayed.answer();
            return Response.status(answer.status()).location(URI.create(answer.location()))
                    .type(MediaType.APPLICATION_JSON).entity(answer.body()).header("Idempotent-Replayed", "true")
                    .build();
        }
        Incident incident = ((Received) outcome).incident();
        return Response.accepted(new Accepted(incident.id, incident.status))
                .location(IncidentIntake.location(incident.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.COORDINATOR })
    @Operation(summary = "Status and timeline of one of the caller's incidents (the coordinator's: of any)")
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = visible(id);
        Long linked = caller.hasRole(Roles.COORDINATOR) ? IncidentLink.earlierCount(id) : null;
        return IncidentView.of(incident, linked, TimelineEntry.of(id));
    }

    @GET
    @Path("/{id}/details")
    @RolesAllowed({ Roles.PARTNER, Roles.RESPONDER, Roles.COORDINATOR })
    @Operation(summary = "The child's and reporter's personal data, for the reporting partner, the assigned "
            + "responders and the coordinator; every read is audited with its X-Purpose")
    public Response details(@PathParam("id") UUID id, @HeaderParam(PURPOSE) String purpose) {
        if (purpose == null || !purpose.matches(PURPOSE_FORMAT)) {
            return Problem.invalid("invalid header: " + PURPOSE, uri.getPath(), List.of(new Problem.FieldError(
                    PURPOSE, "say why you read the data: 1 to 100 letters, digits, spaces or . _ : / # -")))
                    .toResponse();
        }
        return Response.ok(DetailsView.of(disclosure.read(id, caller, purpose))).build();
    }

    @GET
    @Path("/{id}/links")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "The incidents linked to this one as being about the same child, earlier and later")
    public List<LinkView> links(@PathParam("id") UUID id) {
        visible(id);
        return IncidentLink.of(id).stream().map(link -> LinkView.of(id, link)).toList();
    }

    @POST
    @Path("/{id}/links/{other}/confirm")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "The coordinator confirms that both incidents are about the same child")
    public LinkView confirm(@PathParam("id") UUID id, @PathParam("other") UUID other) {
        return LinkView.of(id, sameChild.decide(id, other, LinkStatus.CONFIRMED, caller.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/links/{other}/split")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "The coordinator finds two different children: the link no longer counts")
    public LinkView split(@PathParam("id") UUID id, @PathParam("other") UUID other) {
        return LinkView.of(id, sameChild.decide(id, other, LinkStatus.SPLIT, caller.getPrincipal().getName()));
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

}
