package kz.zhedel.platform.crypto;

import jakarta.persistence.AttributeConverter;

/**
 * A JPA converter that seals a text column with {@link SealedText}; each service subclasses it as a
 * {@code @Startup @ApplicationScoped @Converter} bean built from its own key configuration (so that a bad key
 * stops the service at start-up).
 */
public abstract class SealingConverter implements AttributeConverter<String, String> {

    private SealedText sealed;

    /** For the CDI client proxy of a subclass only. */
    protected SealingConverter() {
    }

    protected SealingConverter(CryptoKeys keys) {
        this.sealed = new SealedText(keys.keyId(), keys.key(), keys.oldKeys());
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
