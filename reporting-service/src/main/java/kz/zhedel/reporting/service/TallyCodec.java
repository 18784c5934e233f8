package kz.zhedel.reporting.service;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.datasketches.hll.HllSketch;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import kz.zhedel.reporting.domain.Durations;

/**
 * A {@link Tally}'s stored form in {@code stats_rollup}: CBOR (compact, binary, schema-less like JSON) with each
 * histogram in its own packed bytes ({@link Durations#toBytes}: a year's summary decodes a megabyte of them) and the
 * children sketch in its own compact bytes.
 */
final class TallyCodec {

    record Stored(Map<String, Map<String, Long>> counts, Map<String, Long> categories, Map<String, Long> districts,
            Map<String, Long> schools, Map<String, Map<String, byte[]>> times, byte[] children) {
    }

    private static final CBORMapper CBOR = new CBORMapper();

    private TallyCodec() {
    }

    static byte[] encode(Tally t) {
        Map<String, Map<String, byte[]>> times = new TreeMap<>();
        t.times.forEach((severity, histograms) -> histograms.forEach((figure, h) -> times
                .computeIfAbsent(severity, s -> new TreeMap<>()).put(figure, h.toBytes())));
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
        s.times().forEach((severity, histograms) -> histograms.forEach((figure, h) -> t.times
                .computeIfAbsent(severity, x -> new TreeMap<>()).put(figure, Durations.fromBytes(h))));
        if (s.children() != null) {
            t.children(HllSketch.heapify(s.children()));
        }
        return t;
    }
}
