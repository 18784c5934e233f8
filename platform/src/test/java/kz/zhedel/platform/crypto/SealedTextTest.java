package kz.zhedel.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Sealing under the current key, and a rotation: text sealed under an earlier key opens while it is an old key. */
class SealedTextTest {

    static final String OLD = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlczE=";
    static final String NEW = "bmV3LXRlc3Qta2V5LW5ldy10ZXN0LWtleS1uZXctdGU=";

    @Test
    void textSealedUnderAnEarlierKeyOpensWhileThatKeyIsAnOldKey() {
        String sealed = new SealedText("dev-1", OLD, Map.of()).seal("Айгерим");
        assertTrue(sealed.startsWith("dev-1:") && !sealed.contains("Айгерим"), sealed);

        SealedText rotated = new SealedText("Key-2", NEW, Map.of("dev-1", OLD));
        assertEquals("Айгерим", rotated.open(sealed));
        assertTrue(rotated.seal("x").startsWith("Key-2:"), "new values under the current key");

        IllegalStateException dropped = assertThrows(IllegalStateException.class,
                () -> new SealedText("Key-2", NEW, Map.of()).open(sealed));
        assertEquals("personal data sealed with key dev-1, which is not loaded", dropped.getMessage());
    }

    @Test
    void aBadOldKeyNamesItsSettingButNotItsValue() {
        for (String bad : new String[] {"c2hvcnQ=", "not base64!"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SealedText("k2", NEW, Map.of("k1", bad)));
            assertEquals("zhedel.crypto.old-keys.k1 must be 32 bytes, base64-encoded", e.getMessage());
            assertFalse(e.getMessage().contains(bad));
        }
    }
}
