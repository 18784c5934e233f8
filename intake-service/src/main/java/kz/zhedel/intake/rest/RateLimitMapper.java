package kz.zhedel.intake.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.intake.service.RateLimit;
import kz.zhedel.platform.rest.Problem;

/** 429 problem+json with the seconds until the partner's next window in {@code Retry-After}. */
public class RateLimitMapper {

    @ServerExceptionMapper
    public Response exceeded(RateLimit.Exceeded e, UriInfo uri) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(Problem.of(Status.TOO_MANY_REQUESTS, e.getMessage(), uri.getPath()).toResponse())
                .header("Retry-After", seconds).build();
    }
}
