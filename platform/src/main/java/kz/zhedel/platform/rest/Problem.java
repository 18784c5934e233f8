package kz.zhedel.platform.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; {@code errors} names each bad field by its JSON path. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(Problem.class);

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), detail,
                instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem(URI.create("about:blank"), "Invalid request", 400, detail, instance, errors);
    }

    /**
     * A failure of the service's own (a bug, or a server error from a service it called): logged with its stack
     * trace under a reference, answered 500 with that reference and nothing of the cause. A mapper that answered
     * null here would have sent 204 No Content: a client would have taken the failure for a success.
     */
    public static Response serverError(Throwable e, String instance) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed (reference %s)", instance, reference);
        return of(Response.Status.INTERNAL_SERVER_ERROR, "the service failed; ops can find it in its log under "
                + "reference " + reference, instance).toResponse();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
