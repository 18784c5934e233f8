package kz.zhedel.intake.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.zhedel.intake.config.IntakeConfig;

/**
 * A partner's Idempotency-Keys and the first answer given to each. Claiming a key inserts its row in the caller's
 * transaction: a concurrent request with the same key waits on that row and then finds the first one's answer.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The first answer to a key and the hash of the request it answered. */
    public record Answer(String requestHash, int status, String location, String body) {
    }

    @Inject
    EntityManager db;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    /** Claims the key for this request; empty if it is new, else the answer already given to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String partnerId, String key, String requestHash) {
        int claimed = db.createNativeQuery("""
                insert into idempotent_request (partner_id, idempotency_key, request_hash, status, created_at)
                values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                .setParameter(1, partnerId).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) db.createNativeQuery("""
                select request_hash, status, location, body from idempotent_request
                where partner_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, partnerId).setParameter(2, key).getSingleResult();
        return Optional.of(new Answer((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                (String) row[3]));
    }

    /** Records the answer given to a claimed key, in the transaction that made it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String partnerId, String key, int status, String location, String body) {
        db.createNativeQuery("""
                update idempotent_request set status = ?3, location = ?4, body = ?5
                where partner_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, partnerId).setParameter(2, key).setParameter(3, status)
                .setParameter(4, location).setParameter(5, body).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() {
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                "delete from idempotent_request where created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.idempotency().retention())))
                .executeUpdate());
    }
}
