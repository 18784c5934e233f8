package kz.zhedel.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.intake.domain.AccessAudit;
import kz.zhedel.platform.security.Roles;

/** Who read which incident's personal data, when and why: for the coordinator. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class AuditResource {

    public record Entry(UUID incidentId, String principal, String role, String purpose, Instant at) {
    }

    @GET
    @Operation(summary = "Reads of personal data, newest first; optionally of one incident")
    public List<Entry> list(@QueryParam("incidentId") UUID incidentId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        var query = incidentId == null ? AccessAudit.<AccessAudit>findAll(Sort.descending("at", "id"))
                : AccessAudit.<AccessAudit>find("incidentId", Sort.descending("at", "id"), incidentId);
        return query.page(Page.ofSize(limit)).list().stream()
                .map(a -> new Entry(a.incidentId, a.principal, a.role, a.purpose, a.at)).toList();
    }
}
