package kz.zhedel.reporting.domain;

import java.util.Arrays;

/**
 * A sparse histogram of durations in seconds: per {@link Contribution#bucket} (exact to the second up to 2,048 s,
 * then within 0.1%) a count, kept sorted by bucket. Histograms of any periods merge by adding counts, so percentiles
 * of a year come from twelve months' histograms, never from the incidents. Counts may go below zero only inside a
 * difference; a histogram that is read has none.
 */
public final class Durations {

    private long[] buckets;
    private long[] counts;
    private int size;

    public Durations() {
        this(new long[8], new long[8], 0);
    }

    private Durations(long[] buckets, long[] counts, int size) {
        this.buckets = buckets;
        this.counts = counts;
        this.size = size;
    }

    public void add(long bucket, long count) {
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        if (at >= 0) {
            counts[at] += count;
            return;
        }
        int insert = -at - 1;
        if (size == buckets.length) {
            buckets = Arrays.copyOf(buckets, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        System.arraycopy(buckets, insert, buckets, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        buckets[insert] = bucket;
        counts[insert] = count;
        size++;
    }

    /**
     * Adds another histogram's counts (one pass over both: they are sorted). Histograms of similar periods share
     * most buckets: when the other's are all among these, its counts are added in place.
     */
    public void merge(Durations other) {
        int union = size;
        for (int i = 0, j = 0; j < other.size;) {
            if (i < size && buckets[i] < other.buckets[j]) {
                i++;
            } else if (i < size && buckets[i] == other.buckets[j]) {
                i++;
                j++;
            } else {
                union++;
                j++;
            }
        }
        if (union == size) {
            for (int i = 0, j = 0; j < other.size; i++) {
                if (buckets[i] == other.buckets[j]) {
                    counts[i] += other.counts[j++];
                }
            }
            return;
        }
        long[] b = new long[union];
        long[] c = new long[union];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size || j < other.size) {
            if (j == other.size || (i < size && buckets[i] < other.buckets[j])) {
                b[n] = buckets[i];
                c[n++] = counts[i++];
            } else if (i == size || other.buckets[j] < buckets[i]) {
                b[n] = other.buckets[j];
                c[n++] = other.counts[j++];
            } else {
                b[n] = buckets[i];
                c[n++] = counts[i++] + other.counts[j++];
            }
        }
        buckets = b;
        counts = c;
        size = n;
    }

    /**
     * The stored form: per bucket with a count, the bucket's distance from the previous one and the count, each an
     * unsigned LEB128 varint (most are one or two bytes). Counts are never negative in a stored histogram.
     */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size * 3);
        long previous = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (counts[i] < 0) {
                throw new IllegalStateException("a negative count cannot be stored");
            }
            writeVarLong(out, buckets[i] - previous);
            writeVarLong(out, counts[i]);
            previous = buckets[i];
        }
        return out.toByteArray();
    }

    public static Durations fromBytes(byte[] bytes) {
        long[] b = new long[Math.max(8, bytes.length / 2)];
        long[] c = new long[b.length];
        int n = 0;
        long bucket = 0;
        int at = 0;
        while (at < bytes.length) {
            long value = 0;
            int shift = 0;
            byte x;
            do {
                x = bytes[at++];
                value |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            long count = 0;
            shift = 0;
            do {
                x = bytes[at++];
                count |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            bucket += value;
            b[n] = bucket;
            c[n++] = count;
        }
        return new Durations(b, c, n);
    }

    private static void writeVarLong(java.io.ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    /** The nearest-rank percentile: the lowest bucket holding at least {@code percentile}% of the durations. */
    public Long percentile(double percentile) {
        long total = count();
        if (total <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return buckets[i];
            }
        }
        return buckets[size - 1];
    }

    /** The buckets with a count other than zero, ascending. */
    public long[] buckets() {
        return nonZero(true);
    }

    /** Their counts, in the same order. */
    public long[] counts() {
        return nonZero(false);
    }

    private long[] nonZero(boolean bucketsWanted) {
        return java.util.stream.IntStream.range(0, size).filter(i -> counts[i] != 0)
                .mapToLong(i -> bucketsWanted ? buckets[i] : counts[i]).toArray();
    }
}
