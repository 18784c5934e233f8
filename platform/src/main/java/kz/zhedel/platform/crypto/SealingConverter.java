package kz.zhedel.platform.crypto;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

/**
 * A JPA converter that seals a text column with {@link SealedText}; each service subclasses it as an
 * {@code @ApplicationScoped @Converter} bean built from its own key configuration.
 */
public abstract class SealingConverter implements AttributeConverter<String, String> {

    private SealedText sealed;

    /** For the CDI client proxy of a subclass only. */
    protected SealingConverter() {
    }

    protected SealingConverter(String keyId, String base64Key, Optional<List<String>> oldKeys) {
        this.sealed = new SealedText(keyId, base64Key, oldKeys.orElse(List.of()));
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
