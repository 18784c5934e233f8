package kz.zhedel.platform.security;

import java.util.Optional;

/**
 * Keys a service issues and revokes itself (intake's partner registry), asked after the configured keys. An
 * implementation may block: it is called on a worker thread.
 */
public interface ApiKeyRegistry {

    /** Who holds this key, if it was issued and is not revoked. */
    Optional<KeyHolder> holderOf(String key);

    /** The principal and the role an API key stands for. */
    record KeyHolder(String principal, String role) {
    }
}
