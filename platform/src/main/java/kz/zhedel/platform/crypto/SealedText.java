package kz.zhedel.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals free text that may name a child before it reaches a database: AES-256-GCM with a random 96-bit nonce, the
 * key id as associated data, stored as {@code keyId:base64(nonce|ciphertext)}. Writes use the current key; values
 * sealed under an earlier key stay readable while it is given as an old key ({@link CryptoKeys#oldKeys()}). Each
 * service wraps it in its own JPA converter and key configuration.
 */
public final class SealedText {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String keyId;
    private final SecretKey key;
    private final Map<String, SecretKey> readable = new HashMap<>();

    /** The current key and its id, and the earlier keys by key id (the current id wins over an old one's). */
    public SealedText(String keyId, String base64Key, Map<String, String> oldKeys) {
        this.keyId = keyId;
        this.key = aesKey(base64Key, "zhedel.crypto.key");
        readable.put(keyId, key);
        oldKeys.forEach((id, old) -> readable.putIfAbsent(id, aesKey(old, "zhedel.crypto.old-keys." + id)));
    }

    private static SecretKey aesKey(String base64, String property) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            raw = new byte[0]; // reported below, naming the property
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(property + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The id of the key new values are sealed with. */
    public String keyId() {
        return keyId;
    }

    public String seal(String plaintext) {
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

    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("personal data stored unsealed");
        }
        String storedKeyId = stored.substring(0, colon);
        SecretKey sealedWith = readable.get(storedKeyId);
        if (sealedWith == null) {
            throw new IllegalStateException("personal data sealed with key " + storedKeyId + ", which is not loaded");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealedWith, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(storedKeyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data sealed with key " + storedKeyId, e);
        }
    }
}
