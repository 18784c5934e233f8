package kz.zhedel.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the events consumer is behind the topics: its last poll came back with a large batch (live traffic brings
 * a few events per poll; a rebuild, a seed or a backlog after an outage brings thousands). While it is, the rollup
 * waits longer for the days that keep changing ({@link RollupConfig#catchUpMaxDelay}): rolling up a day whose
 * incidents are still arriving is work done again minutes later, taken from the consumer meanwhile.
 */
@ApplicationScoped
public class CatchUp {

    @Inject
    RollupConfig config;

    private volatile boolean behind;

    /** The consumer polled a batch of this many records. */
    public void polled(int records) {
        behind = records >= config.catchUpBatch();
    }

    public boolean behind() {
        return behind;
    }
}
