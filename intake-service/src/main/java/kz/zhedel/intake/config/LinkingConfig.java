package kz.zhedel.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The child's pseudonyms: the linking key ({@code ZHEDEL_LINKING_KEY}) and window, and the statistics key. */
@ConfigMapping(prefix = "zhedel.linking")
public interface LinkingConfig {

    /** Base64 of at least 32 random bytes; kept apart from the data key so that each can be rotated alone. */
    String key();

    /**
     * Base64 of at least 32 random bytes ({@code ZHEDEL_STATS_CHILD_KEY}): keys the child's pseudonym for statistics,
     * an HMAC of the linking key, so that reporting can count a child once without being able to join it with
     * intake's links or test a guessed name. Without it reports carry no pseudonym (each counts as its own child).
     */
    java.util.Optional<String> statsKey();

    /** Incidents about the same child received within this window of each other are linked. */
    @WithDefault("180d")
    Duration window();
}
