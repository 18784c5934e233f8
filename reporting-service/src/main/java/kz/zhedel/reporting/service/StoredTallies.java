package kz.zhedel.reporting.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
import kz.zhedel.reporting.csv.FiguresCsv;
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

    /** Stored rows' tallies by version, and merged ones by the list of their versions. */
    private Cache<Object, Tally> tallies;

    private Cache<Long, Finished> figures;

    /** A period's finished figures, the JSON they were stored as (a series answers it as it is), and their CSV. */
    public static final class Finished {

        private final Summary summary;
        private final String json;
        /** The CSV lines last written for this period (a stored row's period never changes). */
        private volatile Lines csv;

        private record Lines(Instant from, Instant to, byte[] text) {
        }

        Finished(Summary summary, String json) {
            this.summary = summary;
            this.json = json;
        }

        /** The figures with the JSON the rollup stores them as. */
        static Finished of(ObjectMapper mapper, Summary summary) {
            try {
                return new Finished(summary, mapper.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write figures", e);
            }
        }

        public Summary summary() {
            return summary;
        }

        public String json() {
            return json;
        }

        /** The figures' CSV lines for the period, written once (a series by day over a year writes 36,500 lines). */
        public byte[] csv(ObjectMapper mapper, Instant from, Instant to) {
            Lines lines = csv;
            if (lines == null || !lines.from().equals(from) || !lines.to().equals(to)) {
                lines = new Lines(from, to, FiguresCsv.lines(mapper, from, to, summary));
                csv = lines;
            }
            return lines.text();
        }

        /** About how many bytes of memory it holds, its CSV included (about as long as the JSON). */
        int footprint() {
            return 64 + 6 * json.length();
        }
    }

    @PostConstruct
    void init() {
        tallies = Caffeine.newBuilder().maximumWeight(config.tallyMegabytes() * 1024L * 1024L)
                .weigher((Object versions, Tally t) -> (int) Math.min(Integer.MAX_VALUE, t.footprint())).build();
        figures = Caffeine.newBuilder().maximumWeight(config.figuresMegabytes() * 1024L * 1024L)
                .weigher((Long version, Finished f) -> f.footprint()).build();
    }

    /**
     * The tallies of the periods of a cover of slices of one dimension and severity (one slice, or cells): one per
     * grain, the periods of a grain merged once and kept under their versions, so that the next read of the same
     * months (a year's summary asked again, or a year ending on another day of the same month) merges nothing again.
     * A version read here may be rewritten by the rollup before its row is fetched: then the versions are read
     * again, so that no period is left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Collection<Tally> tallies(List<Slice> slices, Map<String, List<LocalDate>> cover) {
        Slice first = slices.get(0);
        for (int attempt = 1;; attempt++) {
            Map<String, List<Long>> versions = new TreeMap<>();
            for (Tuple t : session.createNativeQuery("select grain, version " + COVER + " order by version", Tuple.class)
                    .setParameter("dimension", first.dimension().name())
                    .setParameter("values", PgArray.literal(slices.stream().map(Slice::value).toList()), String.class)
                    .setParameter("severity", first.severity())
                    .setParameter("months", PgArray.literal(cover.get(Bucket.MONTH.grain())), String.class)
                    .setParameter("weeks", PgArray.literal(cover.get(Bucket.WEEK.grain())), String.class)
                    .setParameter("days", PgArray.literal(cover.get(Bucket.DAY.grain())), String.class)
                    .getResultList()) {
                versions.computeIfAbsent(String.valueOf(t.get(0)), g -> new ArrayList<>())
                        .add(((Number) t.get(1)).longValue());
            }
            List<Tally> read = new ArrayList<>();
            for (List<Long> grain : versions.values()) {
                Tally merged = merged(grain);
                if (merged == null) {
                    break;
                }
                read.add(merged);
            }
            if (read.size() == versions.size()) {
                return read;
            }
            if (attempt == RETRIES) {
                throw new IllegalStateException("the rollup rewrote the rows of " + first + " while they were read");
            }
        }
    }

    /** The tally of these versions' rows together, or null if one of them is gone (rolled up again meanwhile). */
    private Tally merged(List<Long> versions) {
        Object key = versions.size() == 1 ? versions.get(0) : List.copyOf(versions);
        Tally merged = tallies.getIfPresent(key);
        if (merged != null) {
            return merged;
        }
        // read outside the cache's own computation: a merge reads the parts from the same cache
        Map<Object, Tally> parts = tallies.getAll(versions, this::loadTallies);
        if (parts.size() < versions.size()) {
            return null;
        }
        if (versions.size() == 1) {
            return parts.values().iterator().next();
        }
        merged = Tally.mergedOf(parts.values());
        tallies.put(key, merged);
        return merged;
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

    private Map<Object, Tally> loadTallies(Set<? extends Object> versions) {
        Map<Object, Tally> loaded = new HashMap<>();
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

    private List<Tuple> rows(String column, Collection<?> versions) {
        return session.createNativeQuery("select version, " + column + " from stats_rollup "
                + "where version = any(cast(:versions as bigint[]))", Tuple.class)
                .setParameter("versions", PgArray.literal(versions), String.class).getResultList();
    }

    /** A {@code date} column as the driver gives it. */
    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
