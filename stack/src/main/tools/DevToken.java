import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The local stack's stand-in for an OIDC provider ({@code ./zhedel up}, {@code ./zhedel token}), single-file source
 * mode, JDK only: {@code keygen DIR} writes an RSA key pair (private.pem, public.pem) unless one is there;
 * {@code sign DIR ISSUER ROLE SUBJECT [TTL_SECONDS]} prints an RS256 token with {@code sub} and {@code groups};
 * {@code login DIR ISSUER ROLE SUBJECT BOARD_URL} prints a one-time sign-in link to the ops board.
 */
public class DevToken {

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
        } else if (args.length >= 5 && args[0].equals("sign")) {
            long ttl = args.length > 5 ? Long.parseLong(args[5]) : 8 * 3600;
            System.out.println(sign(Path.of(args[1]), args[2], args[3], args[4], ttl));
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
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    /**
     * The token of a one-time board sign-in link: valid 10 minutes, a {@code jti} the board redeems once, and in
     * {@code dispatch} the 8-hour bearer token the board calls dispatch with as this user.
     */
    static String login(Path dir, String issuer, String role, String subject)
            throws IOException, GeneralSecurityException {
        String dispatch = sign(dir, issuer, role, subject, 8 * 3600, "");
        return sign(dir, issuer, role, subject, 600, String.format(",\"jti\":\"%s\",\"dispatch\":\"%s\"",
                UUID.randomUUID(), dispatch));
    }

    static String sign(Path dir, String issuer, String role, String subject, long ttlSeconds)
            throws IOException, GeneralSecurityException {
        return sign(dir, issuer, role, subject, ttlSeconds, "");
    }

    private static String sign(Path dir, String issuer, String role, String subject, long ttlSeconds, String more)
            throws IOException, GeneralSecurityException {
        String base64 = Files.readString(dir.resolve("private.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = String.format("{\"iss\":\"%s\",\"sub\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d%s}",
                json(issuer), json(subject), json(role), now, now + ttlSeconds, more);
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rsa.sign());
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
