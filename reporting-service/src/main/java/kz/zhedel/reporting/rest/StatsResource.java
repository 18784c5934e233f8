package kz.zhedel.reporting.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.platform.rest.InvalidFields;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.reporting.csv.Csv;
import kz.zhedel.reporting.csv.FiguresCsv;
import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Contribution;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.domain.StatsFilter;
import kz.zhedel.reporting.service.PublicSummary;
import kz.zhedel.reporting.service.Statistics;
import kz.zhedel.reporting.service.Summary;

/** The statistics: exact for ops and the coordinator, suppressed for the public; JSON, or CSV on request. */
@Path("/api/v1/stats")
@Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
public class StatsResource {

    /** A series longer than this is refused: ask for a coarser bucket. */
    static final int MAX_BUCKETS = 400;

    /** A series: the bucket's kind and calendar, and the figures per bucket. */
    public record Series(String bucket, String zone, List<Statistics.SeriesBucket> buckets) {
    }

    @Inject
    Statistics statistics;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
    @Operation(summary = "Exact figures of the incidents received in [from, to): counts, children counselled, "
            + "schools covered, response-time percentiles and SLA per severity, page failures by channel; for the "
            + "ops team and the coordinator (small counts are not suppressed). CSV on Accept: text/csv")
    public Response summary(@BeanParam StatsQuery query) {
        Period period = query.period();
        StatsFilter filter = query.filter();
        Summary summary = statistics.summary(period, filter);
        return answer(summary, () -> List.of(FiguresCsv.lines(json, period.from().orElse(null),
                period.to().orElse(null), summary)));
    }

    @GET
    @Path("/series")
    @RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
    @Operation(summary = "The summary's figures per day, week (from Monday) or month of the Asia/Almaty calendar "
            + "over [from, to) (both required; the first and last buckets are cut at them; at most 400 buckets). "
            + "CSV on Accept: text/csv")
    public Response series(
            @Parameter(description = "day, week or month", required = true) @QueryParam("bucket") String bucket,
            @BeanParam StatsQuery query) {
        Bucket kind = StatsQuery.oneOf("bucket", bucket, List.of("DAY", "WEEK", "MONTH")).map(Bucket::valueOf)
                .orElseThrow(() -> InvalidFields.parameter("bucket", "is required: day, week or month"));
        Period period = query.boundedPeriod();
        StatsFilter filter = query.filter();
        Instant from = period.from().get();
        Instant to = period.to().get();
        long buckets = kind.count(from, to);
        if (buckets > MAX_BUCKETS) {
            throw InvalidFields.parameter("bucket", "the period holds " + buckets + " buckets of a "
                    + kind.name().toLowerCase() + ", at most " + MAX_BUCKETS + ": choose a coarser bucket");
        }
        List<Statistics.SeriesBucket> series = statistics.series(kind, from, to, filter);
        return answer(new Series(kind.name().toLowerCase(), Contribution.ZONE.getId(), series), () -> series.stream()
                .map(b -> b.finished().csv(json, b.from(), b.to())).toList());
    }

    @GET
    @Path("/public")
    @PermitAll
    @Operation(summary = "The figures the centre may publish, for the Asia/Almaty days [from, to) (dates, both "
            + "required, ended days only): counts from 1 to 4 as \"<5\", counts that would reveal one through a total "
            + "as \"suppressed\", no percentiles over fewer than 5 incidents; no filters. No credentials. CSV on "
            + "Accept: text/csv")
    public Response publicFigures(
            @Parameter(description = "First Asia/Almaty day included", required = true, example = "2026-01-01")
            @QueryParam("from") String from,
            @Parameter(description = "First Asia/Almaty day excluded; at most today", required = true,
                    example = "2026-02-01") @QueryParam("to") String to) {
        LocalDate first = day("from", from);
        LocalDate end = day("to", to);
        if (first.isAfter(end)) {
            throw InvalidFields.parameter("from", "must not be after to (" + end + ")");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Contribution.ZONE);
        if (end.isAfter(today)) {
            throw InvalidFields.parameter("to", "must be at most today (" + today + "): only ended days are published");
        }
        Instant start = first.atStartOfDay(Contribution.ZONE).toInstant();
        Instant stop = end.atStartOfDay(Contribution.ZONE).toInstant();
        PublicSummary figures = PublicSummary.of(statistics.summary(new Period(Optional.of(start),
                Optional.of(stop)), StatsFilter.ALL));
        return answer(figures, () -> List.of(FiguresCsv.lines(json, start, stop, figures)));
    }

    /** JSON, or the flat CSV when the client asks for it. */
    private Response answer(Object figures, Supplier<List<byte[]>> rows) {
        return Negotiation.wantsCsv(headers) ? Response.ok(FiguresCsv.write(rows.get()), Negotiation.CSV).build()
                : Response.ok(figures, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidFields.parameter(parameter, "is required, a date such as 2026-01-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFields.parameter(parameter, "must be a date such as 2026-01-01 (an Asia/Almaty day)");
        }
    }
}
