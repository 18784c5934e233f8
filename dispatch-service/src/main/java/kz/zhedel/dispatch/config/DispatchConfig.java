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

    Waiting waiting();

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
        /** The enrolled responder alerted when no responder of role COORDINATOR is on call (or left to ask). */
        Optional<UUID> responderId();

        /** Re-pages of an alerted coordinator before the next coordinator (then this fallback) is alerted. */
        @WithDefault("2")
        int repeats();
    }

    /** Incidents waiting for a role are assigned as soon as someone covering it comes on call. */
    interface Waiting {
        /** How often every waiting incident is tried again; {@code off} disables the timer. */
        @WithDefault("30s")
        String pollInterval();

        /** Whether a roster change (shift, rotation, override, responder) tries the waiting incidents at once. */
        @WithDefault("true")
        boolean onRosterChange();

        /** Waiting incidents claimed per transaction. */
        @WithDefault("20")
        int batchSize();
    }
}
