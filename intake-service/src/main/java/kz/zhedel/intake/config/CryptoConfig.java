package kz.zhedel.intake.config;

import io.smallrye.config.ConfigMapping;

import kz.zhedel.platform.crypto.CryptoKeys;

/** The data keys sealing children's personal data at rest. */
@ConfigMapping(prefix = "zhedel.crypto")
public interface CryptoConfig extends CryptoKeys {
}
