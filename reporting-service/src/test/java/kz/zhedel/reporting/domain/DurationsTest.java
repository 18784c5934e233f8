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
    void percentilesInOnePassAreTheNearestRanksOfEveryFormSparseDenseAndCompacted() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Long> values = new java.util.ArrayList<>();
        Durations sparse = new Durations();
        Durations dense = new Durations();
        for (int part = 0; part < 3; part++) {
            Durations piece = new Durations();
            for (int i = 0; i < 400; i++) {
                long seconds = 1 + random.nextInt(2000); // exact buckets: the values themselves
                values.add(seconds);
                piece.add(seconds, 1);
                if (part == 0 && i < 100) {
                    sparse.add(seconds, 1);
                }
            }
            dense.merge(piece);
        }
        java.util.List<Long> sorted = values.stream().sorted().toList();
        java.util.List<Long> first = values.subList(0, 100).stream().sorted().toList();
        double[] asked = { 1, 50, 90, 99, 100 };
        Durations compacted = new Durations();
        compacted.merge(dense);
        compacted.compact();
        for (int p = 0; p < asked.length; p++) {
            long expected = sorted.get((int) Math.ceil(asked[p] / 100 * sorted.size()) - 1);
            assertEquals(expected, dense.percentiles(asked)[p], "dense p" + asked[p]);
            assertEquals(expected, compacted.percentiles(asked)[p], "compacted p" + asked[p]);
            assertEquals(expected, dense.percentile(asked[p]), "dense single p" + asked[p]);
            assertEquals(first.get((int) Math.ceil(asked[p] / 100 * first.size()) - 1), sparse.percentiles(asked)[p],
                    "sparse p" + asked[p]);
        }
        assertArrayEquals(new Long[] { null, null }, new Durations().percentiles(50, 99));
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
    void theDenseFormGivesEachBucketItsOwnIndexInOrder() {
        long previousBucket = -1;
        int previousIndex = -1;
        for (long s = 0; s < 40_000_000L; s += s < 5_000 ? 1 : s / 997) {
            long bucket = Contribution.bucket(s);
            int index = Durations.index(bucket);
            assertEquals(bucket, Durations.bucketAt(index), "bucket of " + s);
            assertEquals(index, Durations.index(s), "a duration shares its bucket's index: " + s);
            if (bucket != previousBucket) {
                assertEquals(true, index > previousIndex, "indexes ascend with buckets at " + s);
            }
            previousBucket = bucket;
            previousIndex = index;
        }
    }

    @Test
    void aHistogramMergedIntoManyTimesHasTheFiguresOfAllItsPartsAddedOneByOne() {
        java.util.Random random = new java.util.Random(7);
        Durations merged = new Durations();
        merged.add(Contribution.bucket(12), 1);
        Durations oneByOne = new Durations();
        oneByOne.add(Contribution.bucket(12), 1);
        for (int part = 0; part < 30; part++) {
            Durations p = new Durations();
            for (int i = 0; i < 200; i++) {
                long bucket = Contribution.bucket((long) Math.exp(random.nextDouble() * 14));
                p.add(bucket, 1);
                oneByOne.add(bucket, 1);
            }
            merged.merge(part % 2 == 0 ? p : Durations.fromBytes(p.toBytes()));
        }
        Durations twice = new Durations();
        twice.merge(merged); // a dense histogram merged into another
        for (double pct : new double[] { 0, 50, 90, 99, 100 }) {
            assertEquals(oneByOne.percentile(pct), merged.percentile(pct), "p" + pct);
            assertEquals(oneByOne.percentile(pct), twice.percentile(pct), "p" + pct + " twice");
        }
        assertEquals(oneByOne.count(), merged.count());
        merged.add(Contribution.bucket(3), 2); // a dense histogram still takes single durations
        oneByOne.add(Contribution.bucket(3), 2);
        assertArrayEquals(oneByOne.buckets(), merged.buckets());
        assertArrayEquals(oneByOne.counts(), merged.counts());
        assertArrayEquals(oneByOne.toBytes(), merged.toBytes());
    }

    @Test
    void smallHistogramsMergeSparseSoThatTheRollupsThousandsOfCellsStaySmall() {
        Durations cell = new Durations();
        for (int day = 0; day < 30; day++) {
            Durations d = new Durations();
            d.add(Contribution.bucket(86_400 + day), 1); // a day to resolve: a dense form would hold 9,000 counts
            d.add(Contribution.bucket(40), 2);
            cell.merge(d);
        }
        assertEquals(90, cell.count());
        assertEquals(true, cell.footprint() < 1_000, "footprint " + cell.footprint());
        assertEquals(Contribution.bucket(40), cell.percentile(50));
        assertEquals(Contribution.bucket(86_400), cell.percentile(90));
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
