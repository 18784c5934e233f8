package kz.zhedel.platform.outage;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.platform.rest.Problem;

/**
 * A request that failed because the service's database is unreachable is answered {@code 503} problem+json with
 * {@code Retry-After}, in every service: the client may send it again, nothing was stored. Any other failure no
 * mapper knows is a bug: {@link Problem#serverError}.
 */
public class OutageMapper {

    private static final Logger LOG = Logger.getLogger(OutageMapper.class);
    /** Seconds a client should wait: outages seen so far last from seconds to a minute. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response outage(RuntimeException e, UriInfo uri) {
        if (!Outages.isOutage(e)) {
            return Problem.serverError(e, uri.getPath());
        }
        LOG.warnf("%s %s answered 503, the database is unavailable: %s", uri.getPath(), e.getClass().getSimpleName(),
                e.getMessage());
        return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE,
                "the service's database is unavailable; nothing was stored, try again later", uri.getPath())
                .toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
