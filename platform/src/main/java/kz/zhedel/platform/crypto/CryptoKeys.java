package kz.zhedel.platform.crypto;

import java.util.Map;

/**
 * The data keys of {@link SealedText}: {@code ZHEDEL_CRYPTO_KEY} (base64, 32 bytes) and {@code ZHEDEL_CRYPTO_KEY_ID}
 * seal new values; during a rotation each earlier key stays readable as {@code zhedel.crypto.old-keys.<keyId>=base64}
 * (as an environment variable by that very name: only the dotted name keeps the key id's case and dashes). A service
 * that seals text maps it with {@code @ConfigMapping(prefix = "zhedel.crypto")}.
 */
public interface CryptoKeys {

    String key();

    String keyId();

    /** Earlier keys by key id: read, never written. */
    Map<String, String> oldKeys();
}
