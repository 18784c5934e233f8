package kz.zhedel.reporting.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.inbox.EventInbox;
import kz.zhedel.platform.inbox.InboxTransaction;
import kz.zhedel.reporting.board.BoardFacts;
import kz.zhedel.reporting.service.CatchUp;
import kz.zhedel.reporting.service.IncidentFacts;
import kz.zhedel.reporting.service.StatsRollup;

/** Feeds every service's events into the incident facts, the board and the statistics. */
@ApplicationScoped
public class FactsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    IncidentFacts facts;

    @Inject
    StatsRollup rollup;

    @Inject
    BoardFacts board;

    @Inject
    CatchUp catchUp;

    /**
     * The three topics (intake's, dispatch's, notification's) in one channel: a polled batch holds every service's
     * news of its incidents, taken in in one transaction (three channels used to lock the same incidents one after
     * the other).
     */
    @Incoming("events")
    @Blocking
    public CompletionStage<Void> fromEveryService(KafkaRecordBatch<String, String> batch) {
        catchUp.polled(batch.getRecords().size());
        return inbox.handleBatch(batch, this::apply);
    }

    /**
     * A batch of events (the channels consume batches, in one transaction with their inbox rows): the events are
     * merged into the incidents' facts (one set-based statement per kind of row, {@link IncidentFacts#merge}), and
     * the days the incidents were received on are noted for the statistics' rollup ({@link StatsRollup}). PageAcknowledged is ignored because
     * dispatch answers it with AssignmentAcknowledged, the authoritative acknowledgement of the assignment. The duty
     * coordinator's alerts (role {@code COORDINATOR}) are not the incident being assigned, paged, acknowledged or
     * escalated: their assignment ids are remembered so that their page reports do not count either.
     */
    void apply(List<ZhedelEvent> events) {
        // merge locks the incidents' rows in id order first; the board's rows then belong to locked incidents
        List<ZhedelEvent> sorted = InboxTransaction.inIncidentOrder(events);
        facts.merge(sorted);
        board.apply(sorted);
        rollup.changed(sorted.stream().map(ZhedelEvent::incidentId).distinct().toList());
    }
}
