package kz.zhedel.reporting.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The dev stack's registry: 119 state and 15 private schools that do not exist ("Sample state school No. 1"...,
 * flagged {@code sample}), loaded at start only when {@code zhedel.schools.load-sample} is on and the registry is
 * empty, so that an imported registry is never overwritten.
 */
@ApplicationScoped
public class SampleSchools {

    private static final Logger LOG = Logger.getLogger(SampleSchools.class);
    static final String RESOURCE = "schools-sample.csv";

    @ConfigProperty(name = "zhedel.schools.load-sample", defaultValue = "false")
    boolean loadSample;

    @Inject
    Schools schools;

    void onStart(@Observes StartupEvent event) {
        if (loadSample && schools.loadIfEmpty(registry())) {
            LOG.info("school registry was empty: loaded the sample registry (119 state, 15 private, not real schools)");
        }
    }

    /** The sample registry, each school flagged {@code sample}. */
    public static List<Schools.School> registry() {
        return SchoolCsv.read(text(), true);
    }

    private static String text() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
