package kz.zhedel.platform.rest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

/** Every error a client can cause becomes an RFC 9457 problem+json that says what is wrong and where. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new InvalidFields(errors).problem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFields e, UriInfo uri) {
        return e.problem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            Problem.FieldError error = new Problem.FieldError(field, describe(mapping));
            return Problem.invalid("invalid field: " + field, uri.getPath(), List.of(error)).toResponse();
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of(Status.BAD_REQUEST, "malformed JSON" + where, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "these credentials may not call this route", uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // the JSON reader wraps what it could not parse
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return Problem.serverError(e, uri.getPath());
        }
        Response problem = Problem.of(status, e.getMessage(), uri.getPath()).toResponse();
        // A 409's Location names the resource it conflicts with (e.g. the incident first reported under a ref).
        return e.getResponse().getLocation() == null ? problem
                : Response.fromResponse(problem).location(e.getResponse().getLocation()).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(Problem.of(Status.UNAUTHORIZED,
                "missing, unknown, revoked or expired credentials: send Authorization: Bearer <API key or token>", uri.getPath()).toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> target = mismatched.getTargetType();
            return target.isEnum() ? "must be one of " + enumValues(target) : "must be " + article(target.getSimpleName());
        }
        return "cannot be read";
    }

    /** The values as a client writes them, honouring {@code @JsonProperty} renames. */
    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> f.isAnnotationPresent(JsonProperty.class) ? f.getAnnotation(JsonProperty.class).value()
                        : f.getName())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String article(String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "String" -> "a string";
            case "Instant", "OffsetDateTime", "LocalDate" -> "an ISO-8601 date-time";
            case "UUID" -> "a UUID";
            case "boolean", "Boolean" -> "true or false";
            default -> "a JSON " + (type.startsWith("List") ? "array" : "object");
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** {@code report.request.child.firstName} (method, parameter, then the bean path) → {@code child.firstName}. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {
                }
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
