package kz.zhedel.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per responder and channel: at most {@code ZHEDEL_RATE_LIMIT_MAX_MESSAGES} messages within
 * {@code ZHEDEL_RATE_LIMIT_WINDOW}; pages beyond it are held and leave together, as one bundled message, when the
 * window allows the next one. Webhooks are not limited. The per-provider cap is in {@link GatewayConfig}.
 */
@ConfigMapping(prefix = "zhedel.rate-limit")
public interface RateLimitConfig {

    @WithDefault("3")
    int maxMessages();

    @WithDefault("10m")
    Duration window();
}
