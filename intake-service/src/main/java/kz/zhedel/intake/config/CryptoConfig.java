package kz.zhedel.intake.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The data key for personal data at rest: {@code ZHEDEL_CRYPTO_KEY} (base64, 32 bytes) and its id; during a
 * rotation, the earlier keys stay readable through {@code ZHEDEL_CRYPTO_OLD_KEYS=id=base64,...}.
 */
@ConfigMapping(prefix = "zhedel.crypto")
public interface CryptoConfig {

    String key();

    String keyId();

    /** {@code keyId=base64} pairs of earlier keys: read, never written. */
    Optional<List<String>> oldKeys();
}
