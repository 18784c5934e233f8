package kz.zhedel.notification.config;

import io.smallrye.config.ConfigMapping;

/** {@code ZHEDEL_WEBHOOK_SECRET}: the HMAC-SHA256 key webhook receivers verify each page with (16+ characters). */
@ConfigMapping(prefix = "zhedel.webhook")
public interface WebhookConfig {

    String secret();
}
