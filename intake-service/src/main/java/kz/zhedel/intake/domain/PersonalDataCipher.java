package kz.zhedel.intake.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import kz.zhedel.intake.config.CryptoConfig;

/**
 * Encrypts a child's and a reporter's personal data before it reaches the database: AES-256-GCM with a random
 * 96-bit nonce, stored as {@code keyId:base64(nonce|ciphertext)} so that keys can be rotated later.
 */
@ApplicationScoped
@Converter
public class PersonalDataCipher implements AttributeConverter<String, String> {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String keyId;
    private final SecretKey key;

    PersonalDataCipher(CryptoConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.key());
        if (raw.length != 32) {
            throw new IllegalArgumentException("zhedel.crypto.key must be 32 bytes, base64-encoded");
        }
        this.keyId = config.keyId();
        this.key = new SecretKeySpec(raw, "AES");
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String storedKeyId = stored.substring(0, colon);
        if (!storedKeyId.equals(keyId)) {
            throw new IllegalStateException("personal data sealed with key " + storedKeyId + ", which is not loaded");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(storedKeyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data sealed with key " + storedKeyId, e);
        }
    }
}
