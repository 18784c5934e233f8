package kz.zhedel.dispatch.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.dispatch.domain.TeamRules;
import kz.zhedel.dispatch.service.Rulebook;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class RuleResource {

    @Inject
    Rulebook rulebook;

    @GET
    @Operation(summary = "The current team rules: roles per category and severity, acknowledgement deadlines")
    public Rulebook.Versioned current() {
        return rulebook.latest();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the team rules; creates a new version, used for incidents reported from now on")
    public Rulebook.Versioned replace(@NotNull(message = "a JSON body is required") @Valid TeamRules rules) {
        return rulebook.replace(rules);
    }
}
