package kz.zhedel.intake.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long intake keeps what, and how much a partner may send. */
@ConfigMapping(prefix = "zhedel.intake")
public interface IntakeConfig {

    Idempotency idempotency();

    RateLimit rateLimit();

    Retention retention();

    interface Retention {

        /** Personal data of an incident closed longer ago than this is erased; the classification stays. */
        @WithDefault("365d")
        Duration personalData();
    }

    /**
     * Reports a partner may post per period; over it, 429 with Retry-After. Reads are not counted: partner systems
     * poll their incidents' status. Counted per instance.
     */
    interface RateLimit {

        @WithDefault("120")
        int requests();

        @WithDefault("1m")
        Duration period();

        /** Per-partner exceptions to {@link #requests()}, e.g. {@code zhedel.intake.rate-limit.partners.police=600}. */
        Map<String, Integer> partners();
    }

    interface Idempotency {

        /** How long an Idempotency-Key is remembered; partners may retry for at least a day. */
        @WithDefault("24h")
        Duration retention();
    }
}
