package kz.zhedel.reporting.rest;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.platform.rest.Problem;
import kz.zhedel.reporting.csv.InvalidCsv;

/**
 * Query parameter and uploaded CSV errors in the platform's problem shape: {@code errors[].field} is the parameter
 * name, or the CSV's line and column.
 */
public class InvalidParameterMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidParameter e, UriInfo uri) {
        return Problem.invalid("invalid parameter: " + e.parameter(), uri.getPath(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidCsv(InvalidCsv e, UriInfo uri) {
        return Problem.invalid("invalid CSV: " + e.getMessage(), uri.getPath(), e.errors().stream()
                .map(err -> new Problem.FieldError(err.where(), err.message())).toList()).toResponse();
    }
}
