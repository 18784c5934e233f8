package kz.zhedel.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a configured API key into a principal and its role; unknown keys fail authentication. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private record Holder(String principal, String role) {
    }

    private final Map<String, Holder> keys = new LinkedHashMap<>();

    ApiKeyIdentityProvider(AuthConfig config) {
        config.adminKey().ifPresent(key -> keys.put(key, new Holder("ops", Roles.OPS)));
        for (String pair : config.partnerKeys().orElse(List.of())) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("zhedel.auth.partner-keys: expected partnerId=key, got an entry "
                        + "without '='");
            }
            keys.put(pair.substring(eq + 1).trim(), new Holder(pair.substring(0, eq).trim(), Roles.PARTNER));
        }
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] presented = request.key().getBytes(StandardCharsets.UTF_8);
        // Compare against every key in constant time, so timing does not reveal a near match.
        Holder match = null;
        for (Map.Entry<String, Holder> entry : keys.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getValue();
            }
        }
        if (match == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(match.principal()))
                .addRole(match.role())
                .build());
    }
}
