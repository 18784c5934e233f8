package kz.zhedel.reporting.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Period;
import kz.zhedel.reporting.domain.StatsFilter;
import kz.zhedel.reporting.service.Statistics;
import kz.zhedel.reporting.service.Summary;

/**
 * The board's charts from the statistics the API serves ({@link Statistics}): the last 24 hours by hour and the
 * last 30 days by Asia/Almaty day. Per point: incidents received, P1's 90th percentile of the time to
 * acknowledgement (minutes) and the share acknowledged within the deadline over all severities (null without any).
 */
@ApplicationScoped
public class BoardCharts {

    @Inject
    Statistics statistics;

    @Inject
    Clock clock;

    /** Parallel arrays, as uPlot takes them: {@code t} in epoch seconds, the bucket's start. */
    public record Series(List<Long> t, List<Long> incidents, List<Double> ackP90Minutes, List<Double> slaPercent) {
    }

    public record Charts(Series day, Series month) {
    }

    public Charts now() {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Series day = new Series(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int h = 24; h > 0; h--) {
            Instant from = hour.minus(Duration.ofHours(h));
            add(day, from, statistics.summary(new Period(Optional.of(from), Optional.of(from.plus(Duration.ofHours(1)))),
                    StatsFilter.ALL));
        }
        Series month = new Series(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Statistics.SeriesBucket b : statistics.series(Bucket.DAY, now.minus(Duration.ofDays(30)), now,
                StatsFilter.ALL)) {
            add(month, b.from(), b.summary());
        }
        return new Charts(day, month);
    }

    private static void add(Series series, Instant from, Summary figures) {
        series.t().add(from.getEpochSecond());
        series.incidents().add(figures.incidents());
        Summary.ResponseTimes p1 = figures.responseTimes() == null ? null : figures.responseTimes().get("P1");
        Long p90 = p1 == null || p1.acknowledgement() == null ? null : p1.acknowledgement().p90();
        series.ackP90Minutes().add(p90 == null ? null : Math.round(p90 / 6.0) / 10.0);
        long within = 0;
        long breached = 0;
        if (figures.sla() != null) {
            for (Summary.Sla sla : figures.sla().values()) {
                within += sla.within();
                breached += sla.breached();
            }
        }
        series.slaPercent().add(within + breached == 0 ? null : Math.round(1000.0 * within / (within + breached)) / 10.0);
    }
}
