package kz.zhedel.reporting.service;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.datasketches.hll.HllSketch;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import kz.zhedel.reporting.domain.Durations;

/**
 * A {@link Tally}'s stored form in {@code stats_rollup}: CBOR (compact, binary, schema-less like JSON) with each
 * histogram as its buckets' differences and counts, and the children sketch in its own compact bytes.
 */
final class TallyCodec {

    record Stored(Map<String, Map<String, Long>> counts, Map<String, Long> categories, Map<String, Long> districts,
            Map<String, Long> schools, Map<String, Map<String, long[][]>> times, byte[] children) {
    }

    private static final CBORMapper CBOR = new CBORMapper();

    private TallyCodec() {
    }

    static byte[] encode(Tally t) {
        Map<String, Map<String, long[][]>> times = new TreeMap<>();
        t.times.forEach((severity, histograms) -> histograms.forEach((figure, h) -> {
            long[] buckets = h.buckets();
            for (int i = buckets.length - 1; i > 0; i--) {
                buckets[i] -= buckets[i - 1];
            }
            times.computeIfAbsent(severity, s -> new TreeMap<>()).put(figure, new long[][] { buckets, h.counts() });
        }));
        HllSketch children = t.children();
        try {
            return CBOR.writeValueAsBytes(new Stored(t.perSeverity, t.byCategory, t.byDistrict, t.schools, times,
                    children == null ? null : children.toCompactByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot store a tally", e);
        }
    }

    static Tally decode(byte[] bytes) {
        Stored s;
        try {
            s = CBOR.readValue(bytes, Stored.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable tally", e);
        }
        Tally t = new Tally();
        s.counts().forEach((severity, counts) -> t.perSeverity.put(severity, new TreeMap<>(counts)));
        t.byCategory.putAll(s.categories());
        t.byDistrict.putAll(s.districts());
        t.schools.putAll(s.schools());
        s.times().forEach((severity, histograms) -> histograms.forEach((figure, h) -> {
            long[] buckets = h[0];
            for (int i = 1; i < buckets.length; i++) {
                buckets[i] += buckets[i - 1];
            }
            t.times.computeIfAbsent(severity, x -> new TreeMap<>()).put(figure, Durations.of(buckets, h[1]));
        }));
        if (s.children() != null) {
            t.children(HllSketch.heapify(s.children()));
        }
        return t;
    }
}
