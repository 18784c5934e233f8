package kz.zhedel.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Same-child linking: the HMAC key of the pseudonymous child key ({@code ZHEDEL_LINKING_KEY}) and the window. */
@ConfigMapping(prefix = "zhedel.linking")
public interface LinkingConfig {

    /** Base64 of at least 32 random bytes; kept apart from the data key so that each can be rotated alone. */
    String key();

    /** Incidents about the same child received within this window of each other are linked. */
    @WithDefault("180d")
    Duration window();
}
