package kz.zhedel.platform.security;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * API keys: {@code ZHEDEL_AUTH_ADMIN_KEY} and one {@code zhedel.auth.partner-keys.<partnerId>=key} per partner
 * (as an environment variable by that very name: only the dotted name keeps the partner id's case and dashes).
 */
@ConfigMapping(prefix = "zhedel.auth")
public interface AuthConfig {

    /** The ops key; without one, no ops route can be called. */
    Optional<String> adminKey();

    /** The configured partner keys by partner id (the principal), beside those of a service's own registry. */
    Map<String, String> partnerKeys();
}
