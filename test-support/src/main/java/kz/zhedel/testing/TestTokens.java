package kz.zhedel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Bearer tokens signed with the test key pair in {@code zhedel-test-jwt/}, which every service trusts in its test
 * profile (platform's {@code microprofile-config.properties}): the tokens an OIDC provider would issue in production.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.test.zhedel.kz";
    private static final String PRIVATE_KEY = "zhedel-test-jwt/private.pem";

    private TestTokens() {
    }

    /** A valid token for {@code subject} with {@code role} in its {@code groups} claim. */
    public static String token(String role, String subject) {
        return sign(role, subject, ISSUER, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String expired(String role, String subject) {
        return sign(role, subject, ISSUER, Instant.now().minus(Duration.ofHours(1)));
    }

    public static String fromIssuer(String issuer, String role, String subject) {
        return sign(role, subject, issuer, Instant.now().plus(Duration.ofHours(1)));
    }

    /** Signs any claims with the test key, e.g. a board sign-in link's token with its {@code jti}. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(privateKey());
    }

    private static String sign(String role, String subject, String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer).subject(subject).groups(role).issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt).jws().sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try (InputStream pem = TestTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY)) {
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test signing key " + PRIVATE_KEY, e);
        }
    }
}
