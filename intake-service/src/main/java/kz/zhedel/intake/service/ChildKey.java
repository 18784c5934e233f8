package kz.zhedel.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.intake.config.LinkingConfig;

/**
 * The pseudonymous key of a child: HMAC-SHA256 over the normalized name and the birth year. Without the HMAC key it
 * cannot be traced back to a name, yet two reports about the same child get the same key however the partner spelt
 * the name: Kazakh or Russian Cyrillic, or a Latin transliteration ("Айгерім Сейітова", "Айгерим Сеитова" and
 * "Aigerim Seitova" are one child), in either name order.
 */
@ApplicationScoped
public class ChildKey {

    /** Both Cyrillic alphabets to one Latin spelling; the Kazakh letters fold into their nearest Russian sounds. */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('ә', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('ғ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('і', "i"), Map.entry('к', "k"),
            Map.entry('қ', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('ң', "n"),
            Map.entry('о', "o"), Map.entry('ө', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"),
            Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('ф', "f"),
            Map.entry('х', "h"), Map.entry('һ', "h"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "sh"), Map.entry('ъ', ""), Map.entry('ы', "i"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "iu"), Map.entry('я', "ia"));

    /** Latin letters of the Kazakh Latin alphabet and of common transliterations that spell one sound. */
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('ş', "sh"), Map.entry('ç', "ch"), Map.entry('ı', "i"), Map.entry('q', "k"),
            Map.entry('y', "i"), Map.entry('j', "zh"), Map.entry('x', "h"), Map.entry('w', "u"));

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> statsKey;

    ChildKey(LinkingConfig config) {
        this.key = hmacKey("zhedel.linking.key", config.key());
        this.statsKey = config.statsKey().map(k -> hmacKey("zhedel.linking.stats-key", k));
    }

    public String of(String firstName, String lastName, int birthYear) {
        String name = normalize(firstName + " " + (lastName == null ? "" : lastName));
        return hmac(key, name + "|" + birthYear);
    }

    /**
     * The child's pseudonym for statistics (64 bits, hex): an HMAC of the linking key under a key of its own, so
     * that it says only "the same child as another report" and cannot be joined with intake's links; empty without
     * a statistics key.
     */
    public Optional<String> forStatistics(String linkingKey) {
        return statsKey.map(k -> hmac(k, linkingKey).substring(0, 16));
    }

    private static SecretKeySpec hmacKey(String setting, String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length < 32) {
            throw new IllegalArgumentException(setting + " must be at least 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "HmacSHA256");
    }

    private static String hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    /** One spelling for every way of writing the name: Latin letters, words sorted, no doubled letters. */
    static String normalize(String name) {
        StringBuilder latin = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, LATIN.getOrDefault(c, String.valueOf(c))));
        }
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.replace("kh", "h");
        return Arrays.stream(plain.split("[^a-z]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.replaceAll("(.)\\1+", "$1").replaceFirst("^ie", "e"))
                .sorted()
                .collect(Collectors.joining(" "));
    }
}
