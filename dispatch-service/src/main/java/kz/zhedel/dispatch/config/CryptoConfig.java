package kz.zhedel.dispatch.config;

import io.smallrye.config.ConfigMapping;

import kz.zhedel.platform.crypto.CryptoKeys;

/** The data keys sealing the coordinator's free text (notes, manual assignment reasons, cancellation comments). */
@ConfigMapping(prefix = "zhedel.crypto")
public interface CryptoConfig extends CryptoKeys {
}
