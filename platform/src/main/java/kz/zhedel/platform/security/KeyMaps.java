package kz.zhedel.platform.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The partner keys and the earlier data keys are maps by id: {@code zhedel.auth.partner-keys.<partnerId>=key},
 * {@code zhedel.crypto.old-keys.<keyId>=base64}. SmallRye Config would drop without a word a value left in the
 * former list form ({@code ZHEDEL_AUTH_PARTNER_KEYS=a=key,...}) and misread or drop an upper-case variable
 * ({@code ZHEDEL_CRYPTO_OLD_KEYS_DEV_1} cannot spell the id {@code dev-1}), leaving partners locked out or sealed
 * data unreadable: start-up fails instead, naming the setting.
 */
@ApplicationScoped
public class KeyMaps {

    static final List<String> MAPS = List.of("zhedel.auth.partner-keys", "zhedel.crypto.old-keys");

    void refuseUnkeyedSettings(@Observes StartupEvent event, Config config) {
        refuseUnkeyed(config, System.getenv().keySet());
    }

    /** Fails on a value of a map's own name, or on an environment variable spelling it in upper case. */
    static void refuseUnkeyed(Config config, Set<String> environment) {
        for (String map : MAPS) {
            String upper = map.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            Optional<String> misnamed = environment.stream().filter(name -> name.startsWith(upper)).sorted()
                    .findFirst();
            if (misnamed.isPresent() || config.getConfigValue(map).getValue() != null) {
                throw new IllegalStateException(misnamed.orElse(map) + " is not read: " + map + " takes one "
                        + "setting per id, " + map + ".<id>=..., also as an environment variable of that very name "
                        + "(an upper-case name loses the id's case and dashes)");
            }
        }
    }
}
