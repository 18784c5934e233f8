package kz.zhedel.reporting.service;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.platform.sql.PgArray;
import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Slice;
import kz.zhedel.reporting.domain.StatsFilter;

/**
 * Keeps {@code stats_rollup}: per day, week and month and per {@link Slice}, the tally of the incidents received
 * then. The events' transaction notes which days changed ({@code stats_change}, append-only: concurrent consumers
 * never wait on each other there); this job rolls each changed day up again from its incidents, then the weeks and
 * months holding it from their days. A change noted while a day is being rolled up is a row the job did not see,
 * so that day is rolled up again: nothing is missed, whatever the timing. One instance rolls a period at a time
 * (an advisory lock per period); the others skip it.
 */
@ApplicationScoped
public class StatsRollup {

    /** The advisory lock class of a period's rollup (with the period's epoch day). */
    private static final int LOCK = 0x57a75;

    /** A changed period and the change rows seen for it. */
    record Due(LocalDate period, String ids) {
    }

    @Inject
    Session session;

    @Inject
    IncidentStates incidents;

    @Inject
    Schools schools;

    @Inject
    ObjectMapper json;

    @Inject
    RollupConfig config;

    @Inject
    CatchUp catchUp;

    @Inject
    java.time.Clock clock;

    @Inject
    MeterRegistry registry;

    /** What ops watch: periods waiting to be rolled up, and how long the oldest change has waited. */
    void onStart(@Observes StartupEvent event) {
        Gauge.builder("zhedel.stats.rollup.pending", () -> backlog().periods())
                .description("Days, weeks and months whose figures wait to be rolled up again").register(registry);
        Gauge.builder("zhedel.stats.rollup.oldest.seconds", () -> backlog().oldestSeconds())
                .description("How long the oldest change waits to reach the figures").register(registry);
    }

    /** The rollup's backlog as last read; one query serves both gauges of a scrape. */
    record Backlog(Instant at, double periods, double oldestSeconds) {
    }

    private Backlog backlog;

    private synchronized Backlog backlog() {
        Instant now = clock.instant();
        if (backlog == null || !backlog.at().plusSeconds(1).isAfter(now) || backlog.at().isAfter(now)) {
            backlog = QuarkusTransaction.requiringNew().call(() -> {
                Tuple t = session.createNativeQuery("select count(distinct (grain, period)), "
                        + "coalesce(extract(epoch from now() - min(at)), 0) from stats_change", Tuple.class)
                        .getSingleResult();
                return new Backlog(now, ((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue());
            });
        }
        return backlog;
    }

    /** In the events' transaction: the days these incidents were received on are to be rolled up again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Collection<UUID> incidentIds) {
        session.createNativeMutationQuery("insert into stats_change (grain, period) select distinct 'D', "
                + "cast(received_at at time zone 'Asia/Almaty' as date) from incident_fact "
                + "where incident_id = any(cast(:ids as uuid[])) and received_at is not null")
                .setParameter("ids", PgArray.literal(incidentIds), String.class).executeUpdate();
    }

    /** In the registry's transaction: every day with a report from a school (their types may have changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schoolsChanged() {
        session.createNativeMutationQuery("insert into stats_change (grain, period) select distinct 'D', "
                + "cast(received_at at time zone 'Asia/Almaty' as date) from incident_fact "
                + "where received_at is not null and school_id <> ''").executeUpdate();
    }

    // not once shutting down: Hibernate closes before the scheduler's last ticks (an error logged per tick)
    @Scheduled(every = "${zhedel.stats.rollup.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rollUp() {
        rollUpDue();
    }

    /**
     * Rolls up every changed day, then every changed week and month; answers how many periods it rolled. A round
     * that finds the consumer catching up once it has begun stops there: the periods it leaves wait for the
     * catch-up's rule ({@link CatchUp}), instead of a round of hundreds of days taking the consumer's CPU meanwhile.
     */
    public int rollUpDue() {
        int rolled = 0;
        boolean behind = catchUp.behind();
        for (Bucket grain : Bucket.values()) {
            List<Due> due = QuarkusTransaction.requiringNew().call(() -> due(grain));
            for (Due d : due) {
                if (!behind && catchUp.behind()) {
                    return rolled;
                }
                if (QuarkusTransaction.requiringNew().call(() -> rollUp(grain, d))) {
                    rolled++;
                }
            }
        }
        return rolled;
    }

    private List<Due> due(Bucket grain) {
        // while catching up, a quiet day says nothing (one batch's changes, seconds before the next batch's): only
        // the longer delay holds
        boolean behind = catchUp.behind();
        Duration quiet = behind ? config.catchUpMaxDelay() : config.quiet();
        Duration maxDelay = behind ? config.catchUpMaxDelay() : config.maxDelay();
        return session.createNativeQuery("select period, cast(array_agg(id) as text) from stats_change "
                + "where grain = :grain group by period "
                + "having max(at) <= now() - make_interval(secs => :quiet) "
                + "or min(at) <= now() - make_interval(secs => :maxDelay) order by period limit 400", Tuple.class)
                .setParameter("grain", grain.grain())
                .setParameter("quiet", quiet.toMillis() / 1000.0)
                .setParameter("maxDelay", maxDelay.toMillis() / 1000.0)
                .getResultList().stream()
                .map(t -> new Due(StoredTallies.date(t.get(0)), t.get(1, String.class))).toList();
    }

    /** One period's tallies, from its incidents (a day) or its days (a week, a month). */
    private boolean rollUp(Bucket grain, Due due) {
        Boolean locked = session.createNativeQuery("select pg_try_advisory_xact_lock(:class, :day)", Boolean.class)
                .setParameter("class", LOCK + grain.ordinal())
                .setParameter("day", (int) due.period().toEpochDay()).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return false; // another instance is rolling it up; these changes stay for the next round
        }
        Schools.Registry registry = schools.registry();
        Map<Slice, Tally> tallies = new HashMap<>();
        LocalDate end = grain.next(due.period());
        if (grain == Bucket.DAY) {
            incidents.forEach(Bucket.start(due.period()), Bucket.start(end), StatsFilter.ALL, registry, c -> {
                for (Slice slice : Slice.of(c.dimensions(), registry.filterType(c.dimensions().schoolId()))) {
                    tallies.computeIfAbsent(slice, s -> new Tally()).add(c);
                }
            });
        } else {
            for (Tuple t : session.createNativeQuery("select dimension, value, severity, tally from stats_rollup "
                    + "where grain = 'D' and period >= :from and period < :end", Tuple.class)
                    .setParameter("from", due.period()).setParameter("end", end).getResultList()) {
                Slice slice = new Slice(Slice.Dimension.valueOf(t.get(0, String.class)), t.get(1, String.class),
                        t.get(2, String.class));
                tallies.computeIfAbsent(slice, s -> new Tally()).merge(TallyCodec.decode(t.get(3, byte[].class)));
            }
        }
        write(grain, due.period(), tallies, registry);
        session.createNativeMutationQuery("delete from stats_change where id = any(cast(:ids as bigint[]))")
                .setParameter("ids", due.ids(), String.class).executeUpdate();
        if (grain == Bucket.DAY) {
            session.createNativeMutationQuery("insert into stats_change (grain, period) values ('W', :week), "
                    + "('M', :month)")
                    .setParameter("week", Bucket.WEEK.startOf(due.period()))
                    .setParameter("month", Bucket.MONTH.startOf(due.period())).executeUpdate();
        }
        return true;
    }

    private void write(Bucket grain, LocalDate period, Map<Slice, Tally> tallies, Schools.Registry registry) {
        session.createNativeMutationQuery("delete from stats_rollup where grain = :grain and period = :period")
                .setParameter("grain", grain.grain()).setParameter("period", period).executeUpdate();
        Instant now = clock.instant();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into stats_rollup "
                    + "(grain, period, dimension, value, severity, tally, figures) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Slice, Tally> e : tallies.entrySet()) {
                    insert.setString(1, grain.grain());
                    insert.setObject(2, period);
                    insert.setString(3, e.getKey().dimension().name());
                    insert.setString(4, e.getKey().value());
                    insert.setString(5, e.getKey().severity());
                    insert.setBytes(6, TallyCodec.encode(e.getValue()));
                    // a series reads a single slice's finished figures; cells are only merged
                    insert.setString(7, e.getKey().dimension() == Slice.Dimension.CELL ? null
                            : StoredTallies.Finished.of(json, e.getValue().summary(registry, now)).json());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

}
