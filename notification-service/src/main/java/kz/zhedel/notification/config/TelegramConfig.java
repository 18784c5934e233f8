package kz.zhedel.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Telegram bot: {@code ZHEDEL_TELEGRAM_BOT_TOKEN} (without it Telegram contacts fail as not configured),
 * {@code ZHEDEL_TELEGRAM_WEBHOOK_SECRET} (Telegram's {@code secret_token}: without it button presses are refused)
 * and the Bot API's base URL.
 */
@ConfigMapping(prefix = "zhedel.telegram")
public interface TelegramConfig {

    @WithDefault("https://api.telegram.org")
    String baseUrl();

    Optional<String> botToken();

    Optional<String> webhookSecret();
}
