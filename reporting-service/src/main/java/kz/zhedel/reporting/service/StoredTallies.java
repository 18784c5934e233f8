package kz.zhedel.reporting.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.platform.sql.PgArray;
import kz.zhedel.reporting.domain.Bucket;
import kz.zhedel.reporting.domain.Slice;

/**
 * The rollup's stored rows as the statistics read them: decoded once per version and kept in memory. Every write of
 * a row gives it a new version ({@code stats_rollup.version}), so a reader asks the database which versions make up
 * a period (small rows) and fetches and decodes only those it has not seen; a row rolled up again is simply a version
 * no longer asked for, and ages out. Cached tallies are only read (merged from), never changed.
 */
@ApplicationScoped
public class StoredTallies {

    /** The slices' rows of the periods of a cover ({@code M}, {@code W}, {@code D}: each period's first day). */
    private static final String COVER = "from stats_rollup where dimension = :dimension "
            + "and value = any(cast(:values as text[])) and severity = :severity "
            + "and ((grain = 'M' and period = any(cast(:months as date[]))) "
            + "or (grain = 'W' and period = any(cast(:weeks as date[]))) "
            + "or (grain = 'D' and period = any(cast(:days as date[]))))";

    private static final int RETRIES = 5;

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    @Inject
    StatsCacheConfig config;

    private Cache<Long, Tally> tallies;

    private Cache<Long, Finished> figures;

    /** A period's finished figures, and the JSON they were stored as (a series answers it as it is). */
    public record Finished(Summary summary, String json) {

        /** The figures with the JSON the rollup stores them as. */
        static Finished of(ObjectMapper mapper, Summary summary) {
            try {
                return new Finished(summary, mapper.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write figures", e);
            }
        }
    }

    @PostConstruct
    void init() {
        tallies = Caffeine.newBuilder().maximumWeight(config.tallyMegabytes() * 1024L * 1024L)
                .weigher((Long version, Tally t) -> (int) Math.min(Integer.MAX_VALUE, t.footprint())).build();
        figures = Caffeine.newBuilder().maximumSize(config.figures()).build();
    }

    /**
     * The tallies of the periods of a cover of slices of one dimension and severity (one slice, or cells). A version
     * read here may be rewritten by the rollup before its row is fetched: then the versions are read again, so that
     * no period is left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Collection<Tally> tallies(List<Slice> slices, Map<String, List<LocalDate>> cover) {
        Slice first = slices.get(0);
        for (int attempt = 1;; attempt++) {
            List<Long> versions = session.createNativeQuery("select version " + COVER, Long.class)
                    .setParameter("dimension", first.dimension().name())
                    .setParameter("values", PgArray.literal(slices.stream().map(Slice::value).toList()), String.class)
                    .setParameter("severity", first.severity())
                    .setParameter("months", PgArray.literal(cover.get(Bucket.MONTH.grain())), String.class)
                    .setParameter("weeks", PgArray.literal(cover.get(Bucket.WEEK.grain())), String.class)
                    .setParameter("days", PgArray.literal(cover.get(Bucket.DAY.grain())), String.class)
                    .getResultList();
            Map<Long, Tally> read = tallies.getAll(versions, this::loadTallies);
            if (read.size() == versions.size()) {
                return read.values();
            }
            if (attempt == RETRIES) {
                throw new IllegalStateException("the rollup rewrote the rows of " + first + " while they were read");
            }
        }
    }

    /** The finished figures of the slice's periods of a grain whose first days are in {@code [first, last]}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<LocalDate, Finished> figures(Slice slice, Bucket grain, LocalDate first, LocalDate last) {
        for (int attempt = 1;; attempt++) {
            Map<Long, LocalDate> periods = new HashMap<>();
            for (Tuple t : session.createNativeQuery("select version, period from stats_rollup "
                    + "where dimension = :dimension and value = :value and severity = :severity and grain = :grain "
                    + "and period between :first and :last", Tuple.class)
                    .setParameter("dimension", slice.dimension().name()).setParameter("value", slice.value())
                    .setParameter("severity", slice.severity()).setParameter("grain", grain.grain())
                    .setParameter("first", first).setParameter("last", last).getResultList()) {
                periods.put(((Number) t.get(0)).longValue(), date(t.get(1)));
            }
            Map<Long, Finished> read = figures.getAll(periods.keySet(), this::loadFigures);
            if (read.size() == periods.size()) {
                Map<LocalDate, Finished> byPeriod = new HashMap<>();
                read.forEach((version, s) -> byPeriod.put(periods.get(version), s));
                return byPeriod;
            }
            if (attempt == RETRIES) {
                throw new IllegalStateException("the rollup rewrote the rows of " + slice + " while they were read");
            }
        }
    }

    private Map<Long, Tally> loadTallies(Set<? extends Long> versions) {
        Map<Long, Tally> loaded = new HashMap<>();
        for (Tuple t : rows("tally", versions)) {
            Tally tally = TallyCodec.decode(t.get(1, byte[].class));
            tally.readyToMergeFrom();
            loaded.put(((Number) t.get(0)).longValue(), tally);
        }
        return loaded;
    }

    private Map<Long, Finished> loadFigures(Set<? extends Long> versions) {
        Map<Long, Finished> loaded = new HashMap<>();
        for (Tuple t : rows("figures", versions)) {
            try {
                String stored = t.get(1, String.class);
                loaded.put(((Number) t.get(0)).longValue(), new Finished(json.readValue(stored, Summary.class), stored));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable figures", e);
            }
        }
        return loaded;
    }

    private List<Tuple> rows(String column, Set<? extends Long> versions) {
        return session.createNativeQuery("select version, " + column + " from stats_rollup "
                + "where version = any(cast(:versions as bigint[]))", Tuple.class)
                .setParameter("versions", PgArray.literal(versions), String.class).getResultList();
    }

    /** A {@code date} column as the driver gives it. */
    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
