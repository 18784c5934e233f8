package kz.zhedel.reporting.board;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.Session;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.platform.security.Roles;

/**
 * Board sessions from one-time sign-in links ({@code ./zhedel login}). A link carries a short-lived token signed by
 * the same issuer dispatch trusts ({@code mp.jwt.verify.*}), with a {@code jti} redeemed once and, in its claim
 * {@code dispatch}, the bearer token reporting calls dispatch with as that user. The browser gets only a random
 * secret in an HttpOnly cookie: the row is found by its hash and the bearer is sealed (AES-GCM) under a key derived
 * from it, so neither the database nor the browser alone can act as the user.
 */
@ApplicationScoped
public class BoardSessions {

    /** How long a sign-in link is good for after it was issued, whatever its {@code exp} says. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);
    /** The longest a session lasts (at most as long as its dispatch token). */
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    private static final Set<String> BOARD_ROLES = Set.of(Roles.COORDINATOR, Roles.OPS);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JWTParser parser;

    @Inject
    Session session;

    @Inject
    Clock clock;

    /** Redeems a sign-in link's token; answers the new session's cookie secret. */
    @Transactional(dontRollbackOn = SignInRefused.class)
    public String redeem(String linkToken) {
        JsonWebToken link = verify(linkToken);
        Instant now = clock.instant();
        if (link.getIssuedAtTime() <= 0 || Instant.ofEpochSecond(link.getIssuedAtTime()).plus(LINK_LIFETIME)
                .isBefore(now)) {
            throw new SignInRefused(SignInRefused.Reason.EXPIRED, "the link was issued more than 10 minutes ago");
        }
        String role = boardRole(link.getGroups());
        String jti = link.getTokenID();
        if (jti == null || jti.isBlank() || jti.length() > 100) {
            throw new SignInRefused(SignInRefused.Reason.INVALID, "the link has no jti");
        }
        Object nested = link.getClaim("dispatch");
        String bearer = nested == null ? null : nested.toString().replace("\"", "");
        JsonWebToken dispatch = verify(bearer);
        if (!link.getSubject().equals(dispatch.getSubject()) || !role.equals(boardRole(dispatch.getGroups()))) {
            throw new SignInRefused(SignInRefused.Reason.INVALID, "the dispatch token is not the link's user");
        }
        int redeemed = session.createNativeMutationQuery("insert into board_login (jti, subject, redeemed_at) "
                + "values (:jti, :subject, :at) on conflict do nothing")
                .setParameter("jti", jti, String.class)
                .setParameter("subject", link.getSubject(), String.class)
                .setParameter("at", now, Instant.class)
                .executeUpdate();
        if (redeemed == 0) {
            throw new SignInRefused(SignInRefused.Reason.USED, "the link was used already");
        }
        return open(link.getSubject(), role, bearer, min(now.plus(SESSION_LIFETIME),
                Instant.ofEpochSecond(dispatch.getExpirationTime())));
    }

    /**
     * Opens a session for a user the OIDC provider signed in (code flow) with these roles; answers its cookie secret.
     * The row seals no bearer: each request takes the OIDC session's current access token.
     */
    @Transactional
    public String openOidc(String subject, Set<String> roles) {
        String role = boardRole(roles);
        return open(subject, role, null, clock.instant().plus(SESSION_LIFETIME));
    }

    private String open(String subject, String role, String bearer, Instant expires) {
        String secret = random(32);
        session.createNativeMutationQuery("delete from board_session where expires_at < :now")
                .setParameter("now", clock.instant(), Instant.class).executeUpdate();
        session.createNativeMutationQuery("insert into board_session (id_hash, subject, role, csrf_token, "
                + "sealed_token, oidc, expires_at) values (:id, :subject, :role, :csrf, :sealed, :oidc, :expires)")
                .setParameter("id", idHash(secret), String.class)
                .setParameter("subject", subject, String.class)
                .setParameter("role", role, String.class)
                .setParameter("csrf", random(24), String.class)
                .setParameter("sealed", bearer == null ? null : seal(secret, bearer), String.class)
                .setParameter("oidc", bearer == null, Boolean.class)
                .setParameter("expires", expires, Instant.class)
                .executeUpdate();
        return secret;
    }

    /**
     * The user of a session cookie, unless it is unknown or expired. An OIDC session's user has no bearer here: the
     * caller takes it from the request's OIDC session ({@link BoardUser#oidc()}).
     */
    @Transactional
    public Optional<BoardUser> find(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return session.createNativeQuery("select subject, role, csrf_token, sealed_token from board_session "
                + "where id_hash = :id and expires_at > :now", Tuple.class)
                .setParameter("id", idHash(secret), String.class)
                .setParameter("now", clock.instant(), Instant.class)
                .getResultStream().findFirst()
                .map(t -> new BoardUser(t.get(0, String.class), t.get(1, String.class), t.get(2, String.class),
                        t.get(3, String.class) == null ? null : unseal(secret, t.get(3, String.class))));
    }

    @Transactional
    public void end(String secret) {
        if (secret != null) {
            session.createNativeMutationQuery("delete from board_session where id_hash = :id")
                    .setParameter("id", idHash(secret), String.class).executeUpdate();
        }
    }

    private JsonWebToken verify(String token) {
        if (token == null || token.isBlank()) {
            throw new SignInRefused(SignInRefused.Reason.INVALID, "no token");
        }
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            boolean expired = false;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                expired |= cause instanceof InvalidJwtException invalid && invalid.hasExpired();
            }
            throw new SignInRefused(expired ? SignInRefused.Reason.EXPIRED : SignInRefused.Reason.INVALID,
                    "the token does not verify");
        }
    }

    private static String boardRole(Set<String> roles) {
        return roles.stream().filter(BOARD_ROLES::contains).sorted().findFirst()
                .orElseThrow(() -> new SignInRefused(SignInRefused.Reason.ROLE,
                        "the board is for the coordinator and ops roles"));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] sha256(String purpose, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idHash(String secret) {
        return HexFormat.of().formatHex(sha256("board-session-id", secret));
    }

    private static String seal(String secret, String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, iv);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the session's token", e);
        }
    }

    private static String unseal(String secret, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, Arrays.copyOf(bytes, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unseal the session's token", e);
        }
    }

    private static Cipher cipher(int mode, String secret, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(sha256("board-session-key", secret), "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}
