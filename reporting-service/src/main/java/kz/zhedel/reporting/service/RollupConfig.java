package kz.zhedel.reporting.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the statistics rollup takes a changed period in again ({@code ZHEDEL_STATS_ROLLUP_*}). */
@ConfigMapping(prefix = "zhedel.stats.rollup")
public interface RollupConfig {

    /** How often the rollup looks for changed periods. */
    @WithDefault("1s")
    Duration every();

    /** A period is rolled up once its incidents have not changed for this long (a burst is rolled once)... */
    @WithDefault("3s")
    Duration quiet();

    /** ...or once its first change waits this long, however busy (figures are never later than this). */
    @WithDefault("5m")
    Duration maxDelay();

    /**
     * ...or this long while the events consumer is catching up ({@link CatchUp}): a rebuild's or a seed's days change
     * all the time, and rolling them up meanwhile would be done again.
     */
    @WithDefault("30m")
    Duration catchUpMaxDelay();

    /** A consumer lag (any partition), or a polled batch, of at least this many records means catching up... */
    @WithDefault("500")
    int catchUpBatch();

    /** ...for this long after such a batch (and after the start). */
    @WithDefault("10s")
    Duration catchUpWindow();
}
