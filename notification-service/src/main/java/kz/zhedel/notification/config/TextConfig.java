package kz.zhedel.notification.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How texts show times: in the responders' time zone ({@code ZHEDEL_TEXTS_TIME_ZONE}, Astana's by default). */
@ConfigMapping(prefix = "zhedel.texts")
public interface TextConfig {

    @WithDefault("Asia/Almaty")
    ZoneId timeZone();
}
