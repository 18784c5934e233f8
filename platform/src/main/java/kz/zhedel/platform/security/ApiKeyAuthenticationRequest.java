package kz.zhedel.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer API key presented by a caller. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
