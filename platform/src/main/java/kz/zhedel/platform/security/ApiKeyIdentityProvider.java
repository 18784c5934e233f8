package kz.zhedel.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import kz.zhedel.platform.security.ApiKeyRegistry.KeyHolder;

/**
 * Turns an API key into a principal and its role: first the configured keys (the ops key and the partner keys
 * by partner id), then the service's own {@link ApiKeyRegistry}, if it has one. Unknown or revoked
 * keys fail authentication. Built at start-up, so that a key given to two partners stops the service there.
 */
@Startup
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final Map<String, KeyHolder> keys = new LinkedHashMap<>();
    private final Instance<ApiKeyRegistry> registries;

    ApiKeyIdentityProvider(AuthConfig config, Instance<ApiKeyRegistry> registries) {
        this.registries = registries;
        config.adminKey().ifPresent(key -> keys.put(key, new KeyHolder("ops", Roles.OPS)));
        config.partnerKeys().forEach((partner, key) -> {
            KeyHolder other = keys.put(key, new KeyHolder(partner, Roles.PARTNER));
            if (other != null) {
                // one key, two principals: whoever presented it could not be told apart
                throw new IllegalArgumentException("zhedel.auth.partner-keys." + partner + " is the key of "
                        + other.principal() + " too");
            }
        });
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        Optional<KeyHolder> configured = configured(request.key());
        if (configured.isPresent() || !registries.isResolvable()) {
            return Uni.createFrom().item(() -> identity(configured));
        }
        return context.runBlocking(() -> identity(registries.get().holderOf(request.key())));
    }

    private Optional<KeyHolder> configured(String key) {
        byte[] presented = key.getBytes(StandardCharsets.UTF_8);
        // Compare against every key in constant time, so timing does not reveal a near match.
        KeyHolder match = null;
        for (Map.Entry<String, KeyHolder> entry : keys.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getValue();
            }
        }
        return Optional.ofNullable(match);
    }

    private static SecurityIdentity identity(Optional<KeyHolder> holder) {
        KeyHolder known = holder.orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(known.principal()))
                .addRole(known.role())
                .build();
    }
}
