package kz.zhedel.reporting.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much memory the statistics keep of decoded rollup rows ({@code ZHEDEL_STATS_CACHE_*}). */
@ConfigMapping(prefix = "zhedel.stats.cache")
public interface StatsCacheConfig {

    /**
     * The decoded tallies kept, in megabytes (estimated): a year's summary of one slice reads about twenty, of some
     * hundred kilobytes each; the least recently read go first.
     */
    @WithDefault("64")
    int tallyMegabytes();

    /**
     * The finished figures of periods kept, in megabytes (estimated: their JSON and their CSV as text, a few kilobytes
     * each; a series by day over a year reads 365 of one slice); the least recently read go first.
     */
    @WithDefault("32")
    int figuresMegabytes();
}
