package kz.zhedel.dispatch.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Converter;

import kz.zhedel.dispatch.config.CryptoConfig;
import kz.zhedel.platform.crypto.SealingConverter;

/** Seals the coordinator's free text at rest: it may name a child, and dispatch otherwise holds no child data. */
@Startup
@ApplicationScoped
@Converter
public class FreeTextCipher extends SealingConverter {

    public FreeTextCipher(CryptoConfig config) {
        super(config);
    }
}
