package kz.zhedel.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A birth year sealed like the other personal data. Years written before it was sealed (V5 turned the column into
 * text) are read as they are until the key rotation re-seals them.
 */
@ApplicationScoped
@Converter
public class SealedYear implements AttributeConverter<Integer, String> {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public String convertToDatabaseColumn(Integer year) {
        return year == null ? null : cipher.convertToDatabaseColumn(year.toString());
    }

    @Override
    public Integer convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        return Integer.valueOf(isLegacy(stored) ? stored : cipher.convertToEntityAttribute(stored));
    }

    static boolean isLegacy(String stored) {
        return stored.matches("-?\\d{1,4}");
    }
}
