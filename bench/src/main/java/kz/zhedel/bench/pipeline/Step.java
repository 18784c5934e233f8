package kz.zhedel.bench.pipeline;

import java.util.Map;

/** One rate step's figures (latencies in milliseconds). */
record Step(int rate, int seconds, long sent, long accepted, Map<String, Long> refused, Percentiles answer,
        Percentiles toPage, long lost, long duplicatePages, Map<String, Double> cpuSeconds) {

    /** p50/p90/p99/max of a latency, in milliseconds (NaN when nothing was measured). */
    record Percentiles(double p50, double p90, double p99, double max, long count) {

        static Percentiles of(org.HdrHistogram.Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Percentiles(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), micros.getTotalCount());
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
