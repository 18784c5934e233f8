package kz.zhedel.platform.inbox;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Readiness is DOWN while an outage holds a consumer, naming the channel, since when, the attempts and the last error,
 * and UP again once the record goes through. Liveness is left alone: a restart does not mend a database outage.
 */
@Readiness
@ApplicationScoped
public class EventConsumersCheck implements HealthCheck {

    static final String NAME = "event consumers";

    @Inject
    HeldConsumers held;

    @Override
    public HealthCheckResponse call() {
        Map<String, HeldConsumers.Hold> holds = held.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(holds.isEmpty());
        holds.forEach((channel, hold) -> response.withData(channel, "held since " + hold.since() + " after "
                + hold.attempts() + " attempt(s), last error: " + hold.lastError()));
        return response.build();
    }
}
