import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The local stack's stand-in for an OIDC provider ({@code ./zhedel up}, {@code ./zhedel token}), with
 * smallrye-jwt-build as the tests' {@code TestTokens}: {@code keygen DIR} writes an RSA key pair (private.pem,
 * public.pem) unless one is there; {@code sign DIR ISSUER ROLE SUBJECT [TTL_SECONDS]} prints an RS256 token with
 * {@code sub} and {@code groups}; {@code login DIR ISSUER ROLE SUBJECT BOARD_URL} prints a one-time sign-in link to
 * the ops board. Run by ./zhedel in source-file mode: java -cp 'stack/target/tools/*' DevToken.java ...
 */
public class DevToken {

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
        } else if (args.length >= 5 && args[0].equals("sign")) {
            long ttl = args.length > 5 ? Long.parseLong(args[5]) : 8 * 3600;
            System.out.println(claims(args[2], args[3], args[4], ttl).sign(privateKey(Path.of(args[1]))));
        } else if (args.length == 6 && args[0].equals("login")) {
            System.out.println(args[5] + "/login?t=" + login(Path.of(args[1]), args[2], args[3], args[4]));
        } else {
            System.err.println("usage: DevToken keygen DIR | DevToken sign DIR ISSUER ROLE SUBJECT [TTL_SECONDS]"
                    + " | DevToken login DIR ISSUER ROLE SUBJECT BOARD_URL");
            System.exit(2);
        }
    }

    static void keygen(Path dir) throws IOException, GeneralSecurityException {
        if (Files.exists(dir.resolve("private.pem"))) {
            return;
        }
        Files.createDirectories(dir);
        KeyPair pair = KeyUtils.generateKeyPair(2048);
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    /**
     * The token of a one-time board sign-in link: valid 10 minutes, a {@code jti} the board redeems once, and in
     * {@code dispatch} the 8-hour bearer token the board calls dispatch with as this user.
     */
    static String login(Path dir, String issuer, String role, String subject) throws IOException,
            GeneralSecurityException {
        PrivateKey key = privateKey(dir);
        String dispatch = claims(issuer, role, subject, 8 * 3600).sign(key);
        return claims(issuer, role, subject, 600).claim("jti", UUID.randomUUID().toString())
                .claim("dispatch", dispatch).sign(key);
    }

    private static JwtClaimsBuilder claims(String issuer, String role, String subject, long ttlSeconds) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).subject(subject).groups(role).issuedAt(now)
                .expiresAt(now.plus(Duration.ofSeconds(ttlSeconds)));
    }

    private static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        return KeyUtils.decodePrivateKey(Files.readString(dir.resolve("private.pem")));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
