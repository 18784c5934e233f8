package kz.zhedel.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay and the clean-up of what it published ({@code ZHEDEL_OUTBOX_*}). */
@ConfigMapping(prefix = "zhedel.outbox")
public interface OutboxConfig {

    /**
     * The relay's safety poll, for wake-ups lost to a crash or a broker outage; events normally leave right after
     * their transaction commits.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long published rows are kept for investigations before they are deleted. */
    @WithDefault("7d")
    Duration retention();
}
