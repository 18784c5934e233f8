package kz.zhedel.dispatch.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The data key sealing the coordinator's free text (notes, manual assignment reasons, cancellation comments):
 * {@code ZHEDEL_CRYPTO_KEY} (base64, 32 bytes) and {@code ZHEDEL_CRYPTO_KEY_ID}, as in intake; earlier keys stay
 * readable through {@code ZHEDEL_CRYPTO_OLD_KEYS=id=base64,...}.
 */
@ConfigMapping(prefix = "zhedel.crypto")
public interface CryptoConfig {

    String key();

    String keyId();

    Optional<List<String>> oldKeys();
}
