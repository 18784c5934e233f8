package kz.zhedel.intake.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import kz.zhedel.intake.domain.Partner;
import kz.zhedel.intake.domain.PartnerKey;
import kz.zhedel.intake.domain.PartnerKind;
import kz.zhedel.platform.security.ApiKeyRegistry;
import kz.zhedel.platform.security.Roles;

/**
 * Partners and their API keys. A key is 32 random bytes, handed out once and stored as its SHA-256 hash: with that
 * much entropy a plain hash cannot be reversed, and a lookup by hash needs no per-key salt.
 */
@ApplicationScoped
public class PartnerRegistry implements ApiKeyRegistry {

    private static final String KEY_PREFIX = "zhk_";
    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    /** A key just issued: the only moment its value is known. */
    public record IssuedKey(PartnerKey key, String value) {
    }

    @Override
    @Transactional
    public Optional<KeyHolder> holderOf(String key) {
        if (!key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(PartnerKey.active(Digests.sha256(key)))
                .map(k -> new KeyHolder(k.partnerId, Roles.PARTNER));
    }

    @Transactional
    public Partner register(String id, String name, PartnerKind kind) {
        if (Partner.findById(id) != null) {
            throw new ClientErrorException("partner " + id + " is already registered", Response.Status.CONFLICT);
        }
        Partner partner = new Partner();
        partner.id = id;
        partner.name = name;
        partner.kind = kind;
        partner.createdAt = clock.instant();
        partner.persist();
        return partner;
    }

    @Transactional
    public IssuedKey issue(String partnerId) {
        partner(partnerId);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PartnerKey key = new PartnerKey();
        key.id = UUID.randomUUID();
        key.partnerId = partnerId;
        key.keyHash = Digests.sha256(value);
        key.keyPrefix = value.substring(0, 10);
        key.createdAt = clock.instant();
        key.persist();
        return new IssuedKey(key, value);
    }

    /** Revokes a key at once: its next request is a 401. Revoking twice changes nothing. */
    @Transactional
    public PartnerKey revoke(String partnerId, UUID keyId) {
        PartnerKey key = PartnerKey.findById(keyId);
        if (key == null || !key.partnerId.equals(partnerId)) {
            throw new NotFoundException("partner " + partnerId + " has no key " + keyId);
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        return key;
    }

    public Partner partner(String id) {
        Partner partner = Partner.findById(id);
        if (partner == null) {
            throw new NotFoundException("no partner " + id);
        }
        return partner;
    }
}
