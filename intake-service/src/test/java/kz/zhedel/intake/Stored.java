package kz.zhedel.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;

import kz.zhedel.intake.domain.Incident;
import kz.zhedel.platform.outbox.OutboxEvent;

/** What intake has stored, read straight from its database. */
final class Stored {

    private Stored() {
    }

    static long incidents() {
        return QuarkusTransaction.requiringNew().call(Incident::count);
    }

    /** Incidents and outbox events together: a refused request must add neither. */
    static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count() + OutboxEvent.count());
    }
}
