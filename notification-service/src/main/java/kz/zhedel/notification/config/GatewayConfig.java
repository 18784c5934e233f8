package kz.zhedel.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The SMS and voice gateways, in failover order ({@code ZHEDEL_SMS_PROVIDERS}), each used only when its credentials
 * are set; the key their callbacks must carry; and the global cap of messages per provider.
 */
@ConfigMapping(prefix = "zhedel.sms")
public interface GatewayConfig {

    @WithDefault("smsc,mobizon")
    List<String> providers();

    /** {@code ?key=} on the receipt and inbound SMS callbacks; without it every callback is refused. */
    Optional<String> callbackKey();

    /**
     * At most this many messages per provider within {@link #providerWindow()}; beyond it, the next provider. It
     * counts messages already sent, so senders working at the same moment may overshoot it by their number.
     */
    @WithDefault("600")
    int providerCap();

    @WithDefault("1m")
    Duration providerWindow();

    Smsc smsc();

    Mobizon mobizon();

    /** SMSC.kz: {@code POST <base-url>/sys/send.php}, login and password; also places voice calls. */
    interface Smsc {
        @WithDefault("https://smsc.kz")
        String baseUrl();

        Optional<String> login();

        Optional<String> password();

        Optional<String> sender();
    }

    /** Mobizon: {@code POST <base-url>/service/message/sendsmsmessage} with an API key; SMS only. */
    interface Mobizon {
        @WithDefault("https://api.mobizon.kz")
        String baseUrl();

        Optional<String> apiKey();

        Optional<String> sender();
    }
}
