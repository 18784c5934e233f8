package kz.zhedel.dispatch.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import kz.zhedel.dispatch.config.CryptoConfig;
import kz.zhedel.platform.crypto.SealedText;

/** Seals the coordinator's free text at rest: it may name a child, and dispatch otherwise holds no child data. */
@ApplicationScoped
@Converter
public class FreeTextCipher implements AttributeConverter<String, String> {

    private final SealedText sealed;

    public FreeTextCipher(CryptoConfig config) {
        this.sealed = new SealedText(config.keyId(), config.key(), config.oldKeys().orElse(List.of()));
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
