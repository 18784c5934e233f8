package kz.zhedel.reporting.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
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

    /**
     * The versions of the slices' rows of a cover's periods (grain and first day), and with no version the cover's
     * weeks and months that changed since they were rolled up: one round trip. {@code offset 0} keeps the planner
     * from flattening the lookup into a join over every row of the slice (it estimates a slice at one row; a year
     * is some 430: 6.7 ms instead of 0.35).
     */
    private static final String VERSIONS = """
            with wanted(grain, period) as (select * from unnest(cast(:grains as bpchar[]), cast(:periods as date[])))
            select w.grain, w.period, r.version from wanted w cross join lateral (
                select version from stats_rollup r where r.dimension = :dimension
                and r.value = any(cast(:values as text[])) and r.severity = :severity
                and r.grain = w.grain and r.period = w.period offset 0) r
            union all
            select distinct c.grain, c.period, cast(null as bigint) from wanted w
            join stats_change c on c.grain = w.grain and c.period = w.period where w.grain <> 'D'
            """;

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
        /** The JSON as a raw value whose UTF-8 bytes are encoded once (a series by day writes some 3 MB of them). */
        private final RawValue raw;
        /** The CSV lines last written for this period (a stored row's period never changes). */
        private volatile Lines csv;

        private record Lines(Instant from, Instant to, byte[] text) {
        }

        Finished(Summary summary, String json) {
            this.summary = summary;
            this.json = json;
            this.raw = new RawValue(new SerializedString(json));
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

        /** The JSON to write as it is into a response. */
        public RawValue raw() {
            return raw;
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

        /** About how many bytes of memory it holds: the JSON, its UTF-8 bytes and its CSV (about as long). */
        int footprint() {
            return 64 + 7 * json.length();
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
     * The tally of the periods of a cover of slices of one dimension and severity (one slice, or cells), only to be
     * read or merged from: kept under the versions of its rows, as is each grain's (so that the same figures asked
     * again merge nothing, and a year ending on another day of the same month merges only its days again).
     * {@code coverOf} gives the cover leaving out the weeks and months it is given as changed since their rollup
     * (grain and first day, e.g. {@code W2026-03-02}): those are taken from their weeks or days, so that a month's
     * figures and the sum of its days' never disagree. A version read here may be rewritten by the rollup before
     * its row is fetched: then the versions are read again, so that no period is left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tally tally(List<Slice> slices, Function<Set<String>, Map<String, List<LocalDate>>> coverOf) {
        for (int attempt = 1;; attempt++) {
            Set<String> stale = new HashSet<>();
            Versions read = versions(slices, coverOf.apply(Set.of()));
            while (!stale.containsAll(read.stale())) { // a changed month's weeks may have changed too
                stale.addAll(read.stale());
                read = versions(slices, coverOf.apply(Set.copyOf(stale)));
            }
            Tally tally = merged(read.byGrain().values());
            if (tally != null) {
                return tally;
            }
            if (attempt == RETRIES) {
                throw new IllegalStateException("the rollup rewrote the rows of " + slices.get(0)
                        + " while they were read");
            }
        }
    }

    /** The grains' tallies merged (each grain's kept too), or null if a row is gone (rolled up again meanwhile). */
    private Tally merged(Collection<List<Long>> grains) {
        if (grains.size() < 2) {
            return grains.isEmpty() ? new Tally() : merged(grains.iterator().next());
        }
        List<Long> key = grains.stream().flatMap(List::stream).toList();
        Tally merged = tallies.getIfPresent(key);
        if (merged != null) {
            return merged;
        }
        List<Tally> parts = new ArrayList<>();
        for (List<Long> grain : grains) {
            Tally part = merged(grain);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        merged = Tally.mergedOf(parts);
        tallies.put(key, merged);
        return merged;
    }

    /** A cover's rows' versions per grain (each in order), and which of its weeks and months wait for the rollup. */
    private record Versions(Map<String, List<Long>> byGrain, Set<String> stale) {
    }

    private Versions versions(List<Slice> slices, Map<String, List<LocalDate>> cover) {
        List<String> grains = new ArrayList<>();
        List<LocalDate> periods = new ArrayList<>();
        cover.forEach((grain, days) -> days.forEach(day -> {
            grains.add(grain);
            periods.add(day);
        }));
        Slice first = slices.get(0);
        Map<String, List<Long>> byGrain = new TreeMap<>();
        Set<String> stale = new HashSet<>();
        for (Tuple t : session.createNativeQuery(VERSIONS, Tuple.class)
                .setParameter("grains", PgArray.literal(grains), String.class)
                .setParameter("periods", PgArray.literal(periods), String.class)
                .setParameter("dimension", first.dimension().name())
                .setParameter("values", PgArray.literal(slices.stream().map(Slice::value).toList()), String.class)
                .setParameter("severity", first.severity())
                .getResultList()) {
            String grain = String.valueOf(t.get(0));
            Number version = (Number) t.get(2);
            if (version == null) {
                stale.add(grain + date(t.get(1)));
            } else {
                byGrain.computeIfAbsent(grain, g -> new ArrayList<>()).add(version.longValue());
            }
        }
        byGrain.values().forEach(Collections::sort);
        return new Versions(byGrain, stale);
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
