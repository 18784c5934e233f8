package kz.zhedel.reporting.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The live board's feed: one item per incident changed, sent only after the consumer's transaction committed, so a
 * board that reloads on it reads the new rows (onNext is serialized, as Mutiny asks). Each open board subscribes (server-sent events) and reloads its list.
 */
@ApplicationScoped
public class BoardStream {

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();

    synchronized void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChanged change) {
        changes.onNext(change.incidentId().toString());
    }

    /**
     * The ids of the incidents changed from now on. A batch of events commits many changes at once: a board that
     * has not asked for more yet keeps the latest (each only means "reload") instead of being failed for lack of
     * demand, which would end its stream and leave it without live updates.
     */
    public Multi<String> changes() {
        return changes.onOverflow().dropPreviousItems();
    }
}
