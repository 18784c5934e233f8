package kz.zhedel.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Keys by id are read; the former pair lists and upper-case variables stop the start, naming the setting. */
class KeyMapsTest {

    static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(AuthConfig.class).build();
    }

    @Test
    void keysByIdAreReadWithTheIdsCaseAndDashes() {
        SmallRyeConfig config = config(Map.of("zhedel.auth.partner-keys.School-12", "k12",
                "zhedel.auth.partner-keys.demo-school", "dev-partner-key"));
        assertDoesNotThrow(() -> KeyMaps.refuseUnkeyed(config, Set.of("PATH", "ZHEDEL_AUTH_ADMIN_KEY")));
        assertTrue(config.getConfigMapping(AuthConfig.class).partnerKeys()
                .equals(Map.of("School-12", "k12", "demo-school", "dev-partner-key")));
        assertTrue(config.getConfigMapping(AuthConfig.class).adminKey().equals(Optional.empty()));
    }

    @Test
    void theFormerPairListIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyMaps.refuseUnkeyed(
                config(Map.of("zhedel.crypto.old-keys", "dev-1=c2hvcnQ=")), Set.of()));
        assertTrue(e.getMessage().startsWith("zhedel.crypto.old-keys is not read: zhedel.crypto.old-keys takes "
                + "one setting per id, zhedel.crypto.old-keys.<id>=..."), e.getMessage());
    }

    @Test
    void anUpperCaseVariableIsRefusedForItCannotSpellTheId() {
        for (String variable : new String[] {"ZHEDEL_AUTH_PARTNER_KEYS", "ZHEDEL_CRYPTO_OLD_KEYS_DEV_1"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> KeyMaps.refuseUnkeyed(config(Map.of()), Set.of("HOME", variable)));
            assertTrue(e.getMessage().startsWith(variable + " is not read"), e.getMessage());
        }
    }

    @Test
    void oneKeyForTwoPartnersStopsTheStart() {
        AuthConfig shared = new AuthConfig() {
            @Override
            public Optional<String> adminKey() {
                return Optional.of("admin");
            }

            @Override
            public Map<String, String> partnerKeys() {
                return Map.of("school-1", "admin");
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ApiKeyIdentityProvider(shared, null));
        assertTrue(e.getMessage().equals("zhedel.auth.partner-keys.school-1 is the key of ops too"), e.getMessage());
    }
}
