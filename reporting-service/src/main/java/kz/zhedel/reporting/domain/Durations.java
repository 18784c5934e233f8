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

    /** From stored arrays: buckets ascending, each with its count. */
    public static Durations of(long[] buckets, long[] counts) {
        if (buckets.length != counts.length) {
            throw new IllegalArgumentException("buckets and counts differ in length");
        }
        return new Durations(buckets.clone(), counts.clone(), buckets.length);
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

    /** Adds another histogram's counts (one pass over both: they are sorted). */
    public void merge(Durations other) {
        long[] b = new long[size + other.size];
        long[] c = new long[size + other.size];
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
