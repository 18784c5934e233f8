package kz.zhedel.intake.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.intake.domain.PersonalDataCipher;
import kz.zhedel.intake.domain.SealedYear;

/**
 * Re-seals every incident's personal data under the current data key, in batches of short transactions, so that
 * the old key can then be dropped from {@code zhedel.crypto.old-keys}. Safe to run again: a row already sealed
 * under the current key is left alone.
 */
@ApplicationScoped
public class KeyRotation {

    /** The sealed columns of {@code incident}; the birth year may still hold a plain year from before V5. */
    private static final List<String> SEALED = List.of("child_first_name", "child_last_name", "child_birth_year",
            "reporter_name", "reporter_phone", "summary");
    private static final int BATCH = 200;

    @Inject
    EntityManager db;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SealedYear years;

    /** Re-seals what is not under the current key yet; answers how many incidents it re-sealed. */
    public int rotate() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::batch);
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int batch() {
        String current = cipher.keyId() + ":%";
        String stale = String.join(" or ", SEALED.stream().map(c -> c + " not like ?1").toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("select id, " + String.join(", ", SEALED)
                + " from incident where " + stale + " limit " + BATCH + " for update skip locked")
                .setParameter(1, current).getResultList();
        for (Object[] row : rows) {
            var update = db.createNativeQuery("update incident set " + String.join(", ",
                    SEALED.stream().map(c -> c + " = ?" + (SEALED.indexOf(c) + 2)).toList()) + " where id = ?1")
                    .setParameter(1, (UUID) row[0]);
            for (int i = 0; i < SEALED.size(); i++) {
                update.setParameter(i + 2, reseal(SEALED.get(i), (String) row[i + 1]));
            }
            update.executeUpdate();
        }
        return rows.size();
    }

    private String reseal(String column, String stored) {
        if (stored == null) {
            return null;
        }
        if (column.equals("child_birth_year")) {
            return years.convertToDatabaseColumn(years.convertToEntityAttribute(stored));
        }
        return cipher.convertToDatabaseColumn(cipher.convertToEntityAttribute(stored));
    }
}
