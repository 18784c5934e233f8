package kz.zhedel.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pages are sent: timeouts, retries with exponential backoff, and how the worker claims its work. */
@ConfigMapping(prefix = "zhedel.delivery")
public interface DeliveryConfig {

    /** The safety-net poll for due deliveries; new pages do not wait for it, they wake the worker on commit. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Tries per contact before it counts as failed and the next contact is paged. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failed try; doubled after each further one. */
    @WithDefault("2s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    @WithDefault("5s")
    Duration connectTimeout();

    /** From sending the request until the response headers arrive. */
    @WithDefault("5s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery belongs to the instance that claimed it. Longer than connect plus request timeout,
     * so that only a crashed instance's deliveries are taken over (and sent again: at least once).
     */
    @WithDefault("30s")
    Duration lease();

    /**
     * How long an SMS or voice message taken by a gateway may wait for its delivery receipt before the next backup
     * contact is paged anyway (the receipt still counts when it comes).
     */
    @WithDefault("2m")
    Duration receiptTimeout();

    /** Deliveries sent in parallel, so that one slow receiver does not hold up the other pages. */
    @WithDefault("8")
    int concurrency();
}
