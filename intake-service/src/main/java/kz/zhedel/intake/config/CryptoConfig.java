package kz.zhedel.intake.config;

import io.smallrye.config.ConfigMapping;

/** The data key for personal data at rest: {@code ZHEDEL_CRYPTO_KEY} (base64, 32 bytes) and its id. */
@ConfigMapping(prefix = "zhedel.crypto")
public interface CryptoConfig {

    String key();

    String keyId();
}
