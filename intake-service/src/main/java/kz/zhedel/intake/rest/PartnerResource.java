package kz.zhedel.intake.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.intake.domain.Partner;
import kz.zhedel.intake.service.PartnerRegistry;
import kz.zhedel.intake.service.PartnerRegistry.IssuedKey;
import kz.zhedel.platform.security.Roles;

/** The partner registry: ops registers partner systems and issues and revokes their API keys. */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class PartnerResource {

    @Inject
    PartnerRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a partner system (SCHOOL, POLICE, HELPLINE, PSYCHOLOGICAL_CENTRE)")
    public Response register(@NotNull(message = "a JSON body is required") @Valid NewPartner partner) {
        Partner registered = registry.register(partner.id(), partner.name(), partner.kind());
        return Response.created(URI.create("/api/v1/partners/" + registered.id)).entity(PartnerView.of(registered))
                .build();
    }

    @GET
    @Operation(summary = "Every registered partner with its keys (prefixes only)")
    public List<PartnerView> list() {
        return Partner.<Partner>listAll().stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One partner with its keys (prefixes only)")
    public PartnerView get(@PathParam("id") String id) {
        return PartnerView.of(registry.partner(id));
    }

    @POST
    @Path("/{id}/keys")
    @Operation(summary = "Issue an API key; its value is in this answer only, the registry keeps a hash")
    public Response issue(@PathParam("id") String id) {
        IssuedKey issued = registry.issue(id);
        return Response.status(Response.Status.CREATED)
                .entity(new PartnerView.IssuedKeyView(issued.key().id, issued.key().keyPrefix,
                        issued.key().createdAt, issued.value()))
                .build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revoke a key: the next request made with it is a 401")
    public PartnerView.KeyView revoke(@PathParam("id") String id, @PathParam("keyId") UUID keyId) {
        return PartnerView.KeyView.of(registry.revoke(id, keyId));
    }
}
