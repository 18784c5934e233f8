package kz.zhedel.dispatch.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.platform.rest.Problem;

public class InvalidFieldsMapper {

    @ServerExceptionMapper
    public Response map(InvalidFields e, UriInfo uri) {
        return Problem.invalid(e.errors().size() + " invalid field(s): "
                + String.join(", ", e.errors().stream().map(Problem.FieldError::field).toList()),
                uri.getPath(), e.errors()).toResponse();
    }
}
