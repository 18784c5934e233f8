package kz.zhedel.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void percentilesAreNearestRankOverTheBuckets() {
        Durations d = new Durations();
        for (long s = 1; s <= 100; s++) {
            d.add(s, 1);
        }
        assertEquals(100, d.count());
        assertEquals(50L, d.percentile(50));
        assertEquals(90L, d.percentile(90));
        assertEquals(99L, d.percentile(99));
        assertEquals(1L, d.percentile(0));
    }

    @Test
    void aHeavyBucketHoldsItsRanks() {
        Durations d = new Durations();
        d.add(600, 9);
        d.add(30, 1);
        assertEquals(600L, d.percentile(50));
        assertEquals(30L, d.percentile(10));
        assertEquals(600L, d.percentile(11));
    }

    @Test
    void mergingAddsCountsBucketByBucket() {
        Durations a = new Durations();
        a.add(5, 2);
        a.add(300, 1);
        Durations b = new Durations();
        b.add(5, 1);
        b.add(40, 4);
        b.add(4000, 1);
        a.merge(b);
        assertArrayEquals(new long[] { 5, 40, 300, 4000 }, a.buckets());
        assertArrayEquals(new long[] { 3, 4, 1, 1 }, a.counts());
    }

    @Test
    void insertsKeepTheBucketsSortedWhenTheyGrow() {
        Durations d = new Durations();
        for (long s = 40; s > 0; s -= 2) {
            d.add(s, 1);
        }
        d.add(3, 5);
        assertEquals(21, d.buckets().length);
        assertEquals(2L, d.buckets()[0]);
        assertEquals(3L, d.buckets()[1]);
        assertEquals(5L, d.counts()[1]);
        assertEquals(40L, d.buckets()[20]);
    }

    @Test
    void mergingHistogramsOfTheSameBucketsAddsInPlace() {
        Durations a = new Durations();
        a.add(10, 1);
        a.add(20, 1);
        a.add(30, 1);
        Durations b = new Durations();
        b.add(20, 5);
        a.merge(b);
        assertArrayEquals(new long[] { 10, 20, 30 }, a.buckets());
        assertArrayEquals(new long[] { 1, 6, 1 }, a.counts());
    }

    @Test
    void theStoredFormReadsBackBucketForBucket() {
        Durations d = new Durations();
        d.add(0, 3);
        d.add(127, 1);
        d.add(128, 200);
        d.add(2_000_000_000L, 1);
        d.add(55, 0); // empty buckets are not stored
        Durations read = Durations.fromBytes(d.toBytes());
        assertArrayEquals(new long[] { 0, 127, 128, 2_000_000_000L }, read.buckets());
        assertArrayEquals(new long[] { 3, 1, 200, 1 }, read.counts());
        assertEquals(0, Durations.fromBytes(new Durations().toBytes()).count());
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertNull(new Durations().percentile(50));
    }
}
