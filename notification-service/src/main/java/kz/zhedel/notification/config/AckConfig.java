package kz.zhedel.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Acknowledgement links: {@code ZHEDEL_ACK_BASE_URL} (where responders reach this service), {@code ZHEDEL_ACK_SECRET}
 * (signs the links; at least 16 characters) and how long a link stays valid.
 */
@ConfigMapping(prefix = "zhedel.ack")
public interface AckConfig {

    String baseUrl();

    String secret();

    @WithDefault("12h")
    Duration ttl();
}
