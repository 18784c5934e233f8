package kz.zhedel.intake.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Converter;

import kz.zhedel.intake.config.CryptoConfig;
import kz.zhedel.platform.crypto.SealingConverter;

/**
 * Encrypts a child's and a reporter's personal data before it reaches the database (AES-256-GCM,
 * {@code keyId:base64(nonce|ciphertext)}). Writes use the current key; values sealed under an earlier key stay
 * readable while it is configured as an old key, until {@code KeyRotation} re-seals them.
 */
@Startup
@ApplicationScoped
@Converter
public class PersonalDataCipher extends SealingConverter {

    public PersonalDataCipher(CryptoConfig config) {
        super(config);
    }
}
