package kz.zhedel.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.zhedel.intake.domain.Partner;
import kz.zhedel.intake.domain.PartnerKey;
import kz.zhedel.intake.domain.PartnerKind;

/** A registered partner and its keys, by prefix only. */
public record PartnerView(String id, String name, PartnerKind kind, Instant createdAt, List<KeyView> keys) {

    /** A key as ops sees it later: never its value. */
    public record KeyView(UUID id, String prefix, Instant createdAt, Instant revokedAt) {

        static KeyView of(PartnerKey key) {
            return new KeyView(key.id, key.keyPrefix, key.createdAt, key.revokedAt);
        }
    }

    /** A key at the moment it is issued, the only answer that carries its value. */
    public record IssuedKeyView(UUID id, String prefix, Instant createdAt, String key) {
    }

    public static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.kind, partner.createdAt,
                PartnerKey.of(partner.id).stream().map(KeyView::of).toList());
    }
}
