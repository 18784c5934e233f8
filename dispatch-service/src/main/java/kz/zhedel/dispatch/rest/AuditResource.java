package kz.zhedel.dispatch.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.dispatch.domain.AuditEntry;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Roster changes, newest first, optionally of one entity kind (responder, shift, rotation...)")
    public List<AuditView> list(@QueryParam("entity") String entity, @QueryParam("limit") String limit) {
        Integer size = QueryParams.optional("limit", limit, Integer::valueOf, "a whole number from 1 to " + MAX_LIMIT);
        if (size != null && (size < 1 || size > MAX_LIMIT)) {
            throw new BadRequestException("query parameter limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        String kind = entity == null || entity.isBlank() ? null : entity.trim();
        return AuditEntry.newest(kind, size == null ? 100 : size).stream().map(e -> AuditView.of(e, json)).toList();
    }
}
