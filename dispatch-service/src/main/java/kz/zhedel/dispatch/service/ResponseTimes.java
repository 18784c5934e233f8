package kz.zhedel.dispatch.service;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.platform.tx.AfterCommit;

/**
 * How fast a report reaches a person, by severity, from the moment intake received it: to the incident's first page
 * on a device ({@code zhedel_incident_first_page_seconds}) and to each acknowledgement
 * ({@code zhedel_assignment_acknowledgement_seconds}). Histograms, so that Prometheus can take percentiles; recorded
 * once the transaction commits.
 */
@ApplicationScoped
public class ResponseTimes {

    static final String FIRST_PAGE = "zhedel.incident.first.page";
    static final String ACKNOWLEDGEMENT = "zhedel.assignment.acknowledgement";

    @Inject
    MeterRegistry registry;

    @Inject
    AfterCommit afterCommit;

    public void firstPageDelivered(Incident incident, Instant at) {
        record(FIRST_PAGE, incident, at);
    }

    public void acknowledged(Incident incident, Instant at) {
        record(ACKNOWLEDGEMENT, incident, at);
    }

    private void record(String name, Incident incident, Instant at) {
        String severity = incident.severity.name();
        Duration taken = Duration.between(incident.receivedAt, at);
        afterCommit.run(() -> Timer.builder(name).tag("severity", severity).publishPercentileHistogram()
                .register(registry).record(taken));
    }
}
