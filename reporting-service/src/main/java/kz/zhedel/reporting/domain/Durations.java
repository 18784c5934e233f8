package kz.zhedel.reporting.domain;

import java.util.Arrays;

/**
 * A histogram of durations in seconds: per {@link Contribution#bucket} (exact to the second up to 2,048 s, then
 * within 0.1%) a count. Histograms of any periods merge by adding counts, so percentiles of a year come from twelve
 * months' histograms, never from the incidents. Counts may go below zero only inside a difference; a histogram that
 * is read has none.
 * <p>
 * A stored or built histogram is sparse (its buckets with a count, sorted); one that others are merged into turns
 * dense (a count per bucket index, as HdrHistogram lays out its counts), so that each merge costs the other's buckets
 * only: a year's summary merges some twenty tallies of twenty histograms with thousands of buckets each.
 */
public final class Durations {

    /** HdrHistogram's layout for 3 significant digits: 2,048 sub-buckets, the lower half shared with the previous. */
    private static final int HALF_MAGNITUDE = 10;
    private static final int HALF_COUNT = 1 << HALF_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = (2L * HALF_COUNT) - 1;

    /** Merged histograms of more buckets than this (both together) turn dense. */
    private static final int DENSE_FROM = 256;

    private long[] buckets;
    private long[] counts;
    private int size;
    /** Counts by {@link #index} once merged into; null while sparse. */
    private long[] dense;

    public Durations() {
        this(new long[8], new long[8], 0);
    }

    private Durations(long[] buckets, long[] counts, int size) {
        this.buckets = buckets;
        this.counts = counts;
        this.size = size;
    }

    /** The index of a bucket's count in the dense form (HdrHistogram's counts array index). */
    static int index(long bucket) {
        int bucketIndex = 63 - HALF_MAGNITUDE - Long.numberOfLeadingZeros(bucket | SUB_BUCKET_MASK);
        int subBucket = (int) (bucket >>> bucketIndex);
        return ((bucketIndex + 1) << HALF_MAGNITUDE) + subBucket - HALF_COUNT;
    }

    /** The bucket whose count is at this index of the dense form. */
    static long bucketAt(int index) {
        int bucketIndex = (index >> HALF_MAGNITUDE) - 1;
        long subBucket = (index & (HALF_COUNT - 1)) + HALF_COUNT;
        if (bucketIndex < 0) {
            subBucket -= HALF_COUNT;
            bucketIndex = 0;
        }
        return subBucket << bucketIndex;
    }

    public void add(long bucket, long count) {
        if (dense != null) {
            addDense(bucket, count);
            return;
        }
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
     * Adds another histogram's counts. Small histograms stay sparse (one pass over both: they are sorted); a larger
     * one turns dense, where each of the other's buckets is one addition (a dense histogram holds a count for every
     * bucket up to its highest: 9,000 for a day, so the rollup's thousands of small cells must not).
     */
    public void merge(Durations other) {
        if (dense == null && other.dense == null && size + other.size <= DENSE_FROM) {
            mergeSparse(other);
            return;
        }
        if (dense == null) {
            long[] b = buckets;
            long[] c = counts;
            int n = size;
            dense = new long[0];
            buckets = null;
            counts = null;
            size = 0;
            if (n > 0) {
                ensureDense(index(b[n - 1]));
            }
            for (int i = 0; i < n; i++) {
                addDense(b[i], c[i]);
            }
        }
        if (other.dense != null) {
            if (other.dense.length > dense.length) {
                dense = Arrays.copyOf(dense, other.dense.length);
            }
            for (int i = 0; i < other.dense.length; i++) {
                dense[i] += other.dense[i];
            }
            return;
        }
        if (other.size > 0) {
            ensureDense(index(other.buckets[other.size - 1])); // its highest bucket: the array grows once
        }
        for (int i = 0; i < other.size; i++) {
            dense[index(other.buckets[i])] += other.counts[i];
        }
    }

    private void mergeSparse(Durations other) {
        long[] b = new long[size + other.size];
        long[] c = new long[b.length];
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

    private void addDense(long bucket, long count) {
        int at = index(bucket);
        ensureDense(at);
        dense[at] += count;
    }

    private void ensureDense(int index) {
        if (index >= dense.length) {
            dense = Arrays.copyOf(dense, Math.max(index + 1, dense.length * 2));
        }
    }

    /**
     * Back to the sparse form, to be kept and merged from: a merged histogram's dense form holds a count for every
     * bucket up to its highest (some 10,000 for response times of days), most of them zero.
     */
    public void compact() {
        sparse();
    }

    /** Back to the sparse form (to store or list the buckets). */
    private void sparse() {
        if (dense == null) {
            return;
        }
        int n = 0;
        for (long c : dense) {
            n += c == 0 ? 0 : 1;
        }
        buckets = new long[Math.max(8, n)];
        counts = new long[buckets.length];
        size = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                buckets[size] = bucketAt(i);
                counts[size++] = dense[i];
            }
        }
        dense = null;
    }

    /**
     * The stored form: per bucket with a count, the bucket's distance from the previous one and the count, each an
     * unsigned LEB128 varint (most are one or two bytes). Counts are never negative in a stored histogram.
     */
    public byte[] toBytes() {
        sparse();
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
        return n + 8 < b.length ? new Durations(Arrays.copyOf(b, n), Arrays.copyOf(c, n), n) : new Durations(b, c, n);
    }

    private static void writeVarLong(java.io.ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** About how many bytes of memory this histogram holds. */
    public long footprint() {
        return 32 + (dense != null ? 8L * dense.length : 16L * buckets.length);
    }

    public long count() {
        long total = 0;
        if (dense != null) {
            for (long c : dense) {
                total += c;
            }
            return total;
        }
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    /** The nearest-rank percentile: the lowest bucket holding at least {@code percentile}% of the durations. */
    public Long percentile(double percentile) {
        return percentiles(percentile)[0];
    }

    /**
     * Nearest-rank percentiles, given ascending, in one pass over the buckets (a summary asks three of each of its
     * histograms); all null without durations.
     */
    public Long[] percentiles(double... ascending) {
        Long[] found = new Long[ascending.length];
        long total = count();
        if (total <= 0) {
            return found;
        }
        long[] ranks = new long[ascending.length];
        for (int p = 0; p < ascending.length; p++) {
            ranks[p] = Math.max(1, (long) Math.ceil(ascending[p] / 100.0 * total));
        }
        int next = 0;
        long seen = 0;
        long last = 0;
        int n = dense != null ? dense.length : size;
        for (int i = 0; i < n && next < ranks.length; i++) {
            long count = dense != null ? dense[i] : counts[i];
            if (count == 0) {
                continue;
            }
            seen += count;
            last = dense != null ? bucketAt(i) : buckets[i];
            while (next < ranks.length && seen >= ranks[next]) {
                found[next++] = last;
            }
        }
        while (next < ranks.length) {
            found[next++] = last; // only where a difference left counts below zero on the way
        }
        return found;
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
        sparse();
        return java.util.stream.IntStream.range(0, size).filter(i -> counts[i] != 0)
                .mapToLong(i -> bucketsWanted ? buckets[i] : counts[i]).toArray();
    }
}
