package kz.zhedel.notification.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.notification.config.AckConfig;

/**
 * The credential inside an acknowledgement link: {@code base64url(pageId | expiry) "." base64url(HMAC-SHA256)}.
 * It names the page and when the link stops working, and nothing about the child. The same page and expiry always
 * give the same token, so every retry of a page carries the same link.
 */
@ApplicationScoped
public class AckTokens {

    /** What a correctly signed token says; whether it has expired is the caller's question. */
    public record AckToken(UUID pageId, Instant expiresAt) {
    }

    private static final String HMAC = "HmacSHA256";
    private static final int PAYLOAD_BYTES = 16 + 8;
    private static final int MIN_SECRET_LENGTH = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;

    AckTokens(AckConfig config) {
        if (config.secret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("zhedel.ack.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), HMAC);
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    public String issue(UUID pageId, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(pageId.getMostSignificantBits())
                .putLong(pageId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond())
                .array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    public String url(UUID pageId, Instant expiresAt) {
        return baseUrl + "/ack/" + issue(pageId, expiresAt);
    }

    /** The token's content if this service signed it; empty for anything malformed or tampered with. */
    public Optional<AckToken> read(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        UUID pageId = new UUID(fields.getLong(), fields.getLong());
        return Optional.of(new AckToken(pageId, Instant.ofEpochSecond(fields.getLong())));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
