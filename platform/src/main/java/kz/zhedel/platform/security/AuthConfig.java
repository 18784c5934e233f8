package kz.zhedel.platform.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** API keys: {@code ZHEDEL_AUTH_ADMIN_KEY} and {@code ZHEDEL_AUTH_PARTNER_KEYS=partnerId=key,...}. */
@ConfigMapping(prefix = "zhedel.auth")
public interface AuthConfig {

    /** The ops key; without one, no ops route can be called. */
    Optional<String> adminKey();

    /** {@code partnerId=key} pairs. */
    Optional<List<String>> partnerKeys();
}
