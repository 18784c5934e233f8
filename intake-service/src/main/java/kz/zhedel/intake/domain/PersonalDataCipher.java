package kz.zhedel.intake.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import kz.zhedel.intake.config.CryptoConfig;
import kz.zhedel.platform.crypto.SealedText;

/**
 * Encrypts a child's and a reporter's personal data before it reaches the database ({@link SealedText}: AES-256-GCM,
 * {@code keyId:base64(nonce|ciphertext)}). Writes use the current key; values sealed under an earlier key stay
 * readable while it is configured as an old key, until {@code KeyRotation} re-seals them.
 */
@ApplicationScoped
@Converter
public class PersonalDataCipher implements AttributeConverter<String, String> {

    private final SealedText sealed;

    public PersonalDataCipher(CryptoConfig config) {
        this.sealed = new SealedText(config.keyId(), config.key(), config.oldKeys().orElse(List.of()));
    }

    /** The id of the key new values are sealed with. */
    public String keyId() {
        return sealed.keyId();
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return sealed.seal(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return sealed.open(stored);
    }
}
