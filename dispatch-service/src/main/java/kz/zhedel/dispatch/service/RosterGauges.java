package kz.zhedel.dispatch.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.config.DispatchConfig;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;

/**
 * {@code zhedel_roster_uncovered_roles{role, district}}: 1 while some moment of the next 12 hours has nobody of a role
 * the team rules call out on call for a district (the duty coordinator: for the whole city, {@code district="ALL"},
 * and never while a fallback coordinator is configured), else 0. It is what the ops team must fix before the night,
 * not after a report found nobody. Recomputed by a timer and after each roster change.
 */
@ApplicationScoped
public class RosterGauges {

    static final String NAME = "zhedel.roster.uncovered.roles";
    static final Duration AHEAD = Duration.ofHours(12);
    static final String CITY = "ALL";

    @Inject
    Coverage coverage;

    @Inject
    Rulebook rulebook;

    @Inject
    DispatchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, AtomicInteger> values = new ConcurrentHashMap<>();

    @Scheduled(every = "${zhedel.dispatch.roster-gauge.interval:60s}", delay = 5,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        refresh();
    }

    void rosterChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RosterChanged change) {
        refresh();
    }

    /** Reads the roster for [now, now + 12 h) and sets every gauge. */
    public void refresh() {
        Instant now = clock.instant();
        Instant until = now.plus(AHEAD);
        QuarkusTransaction.requiringNew().run(() -> {
            for (ResponderRole role : teamRoles()) {
                for (District district : District.values()) {
                    set(role, district.name(), !coverage.gaps(now, until, role, district).isEmpty());
                }
            }
            set(ResponderRole.COORDINATOR, CITY, config.coordinator().responderId().isEmpty()
                    && !coverage.gaps(now, until, ResponderRole.COORDINATOR, null).isEmpty());
        });
    }

    private Set<ResponderRole> teamRoles() {
        Set<ResponderRole> roles = EnumSet.noneOf(ResponderRole.class);
        rulebook.latest().rules().rules().forEach(rule -> rule.roles().forEach(r -> roles.add(r.role())));
        return roles;
    }

    private void set(ResponderRole role, String district, boolean uncovered) {
        values.computeIfAbsent(role + "/" + district, key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(NAME, value, AtomicInteger::get).tag("role", role.name()).tag("district", district)
                    .description("1 when nobody of the role is on call at some moment of the next 12 hours")
                    .register(registry);
            return value;
        }).set(uncovered ? 1 : 0);
    }
}
