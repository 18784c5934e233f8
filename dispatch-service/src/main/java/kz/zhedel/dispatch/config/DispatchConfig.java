package kz.zhedel.dispatch.config;

import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long dispatch waits for acknowledgements and whom it pages when a role runs out of people. */
@ConfigMapping(prefix = "zhedel.dispatch")
public interface DispatchConfig {

    Deadlines deadlines();

    Coordinator coordinator();

    interface Deadlines {
        /** How often overdue acknowledgement deadlines are looked for; {@code off} disables the timer. */
        @WithDefault("1s")
        String pollInterval();

        /** Re-pages of the same responder before the assignment escalates. */
        @WithDefault("1")
        int repages();

        /** Overdue assignments claimed per transaction. */
        @WithDefault("20")
        int batchSize();
    }

    interface Coordinator {
        /** The enrolled responder paged when nobody of a role is left to escalate to. */
        Optional<UUID> responderId();

        /** Re-pages of the coordinator before the role is given up as unassigned. */
        @WithDefault("2")
        int repeats();
    }
}
