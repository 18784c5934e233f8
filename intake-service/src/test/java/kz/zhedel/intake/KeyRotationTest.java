package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.intake.config.CryptoConfig;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.PersonalDataCipher;
import kz.zhedel.testing.RealInfrastructure;

/** Intake restarted with a new data key and the old one readable: the rotation re-seals everything. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(KeyRotationTest.NewKey.class)
class KeyRotationTest {

    static final String OLD_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlczE=";
    static final String NEW_KEY = "bmV3LXRlc3Qta2V5LW5ldy10ZXN0LWtleS1uZXctdGU=";

    public static class NewKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhedel.crypto.key", NEW_KEY, "zhedel.crypto.key-id", "test-2",
                    "zhedel.crypto.old-keys.test-1", OLD_KEY);
        }
    }

    static PersonalDataCipher cipher(String keyId, String key) {
        return new PersonalDataCipher(new CryptoConfig() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public Map<String, String> oldKeys() {
                return Map.of();
            }
        });
    }

    @Inject
    EntityManager db;

    private static final List<String> SEALED = List.of("child_first_name", "child_last_name", "child_birth_year",
            "reporter_name", "reporter_phone", "summary");

    @Test
    void rowsSealedUnderTheOldKeyAreReadableAndRotatedToTheNewOne() {
        UUID id = UUID.fromString(given().auth().oauth2("key-a").contentType(ContentType.JSON)
                .body(IncidentResourceTest.report("rotate-1")).when().post("/api/v1/incidents")
                .then().statusCode(202).extract().path("id"));
        // as written before the rotation: sealed under test-1, and the birth year from before it was sealed
        PersonalDataCipher old = cipher("test-1", OLD_KEY);
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery("""
                update incident set child_first_name = ?2, child_last_name = ?3, child_birth_year = '2013',
                reporter_name = ?4, reporter_phone = ?5, summary = ?6 where id = ?1""")
                .setParameter(1, id).setParameter(2, old.convertToDatabaseColumn("Айгерим"))
                .setParameter(3, old.convertToDatabaseColumn("Сапарова"))
                .setParameter(4, old.convertToDatabaseColumn("Мария Ивановна"))
                .setParameter(5, old.convertToDatabaseColumn("+7 701 555 0101"))
                .setParameter(6, old.convertToDatabaseColumn("classmates push her around every break"))
                .executeUpdate());
        assertEquals("Айгерим", read(id).childFirstName);

        given().auth().oauth2("test-admin-key").when().post("/api/v1/crypto/rotation")
                .then().statusCode(200).body("keyId", equalTo("test-2"))
                .body("resealedIncidents", greaterThanOrEqualTo(1));

        List<String> stored = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) db.createNativeQuery("select " + String.join(", ", SEALED)
                    + " from incident where id = ?1").setParameter(1, id).getSingleResult();
            return java.util.Arrays.stream(row).map(String.class::cast).toList();
        });
        for (String value : stored) {
            assertTrue(value.startsWith("test-2:"), value);
        }
        Incident after = read(id);
        assertEquals(List.of("Айгерим", "Сапарова", "2013", "Мария Ивановна", "+7 701 555 0101"),
                List.of(after.childFirstName, after.childLastName, after.childBirthYear.toString(),
                        after.reporterName, after.reporterPhone));
        // once the old key is dropped, the rotated rows are all that is readable
        assertThrows(IllegalStateException.class,
                () -> cipher("test-2", NEW_KEY).convertToEntityAttribute(old.convertToDatabaseColumn("x")));
        given().auth().oauth2("test-admin-key").when().post("/api/v1/crypto/rotation")
                .then().statusCode(200).body("resealedIncidents", equalTo(0));
        given().auth().oauth2("key-a").when().post("/api/v1/crypto/rotation").then().statusCode(403);
    }

    private static Incident read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.findById(id));
    }
}
