package kz.zhedel.platform.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.hibernate.exception.JDBCConnectionException;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.events.Severity;
import kz.zhedel.platform.security.Roles;

/** Routes of the platform's test application that fail in each way a client can make a route fail. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Order(@NotBlank String name, @NotNull Severity severity, Instant at,
            @Size(max = 2) List<@NotBlank String> tags) {
    }

    @POST
    @PermitAll
    public Order echo(@Valid @NotNull Order order) {
        return order;
    }

    @GET
    @Path("/ops")
    @RolesAllowed(Roles.OPS)
    public String opsOnly() {
        return "\"ok\"";
    }

    @GET
    @Path("/checked")
    @PermitAll
    public String checked() {
        throw new InvalidFields(List.of(new Problem.FieldError("start", "is taken"),
                new Problem.FieldError("role", "is not a PSYCHOLOGIST")));
    }

    @GET
    @Path("/parameter")
    @PermitAll
    public String parameter() {
        throw InvalidFields.parameter("from", "must not be after to");
    }

    @GET
    @Path("/missing")
    @PermitAll
    public String missing() {
        throw new NotFoundException("no such probe");
    }

    @GET
    @Path("/bug")
    @PermitAll
    public String bug() {
        throw new ClassCastException("class java.lang.Character cannot be cast to class java.lang.String");
    }

    @GET
    @Path("/outage")
    @PermitAll
    public String outage() {
        throw new JDBCConnectionException("unable to acquire JDBC Connection",
                new SQLException("Connection refused", "08001"));
    }
}
