package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.deadLetters;
import static kz.zhedel.reporting.Fixtures.eventConsumers;
import static kz.zhedel.reporting.Fixtures.reported;
import static kz.zhedel.reporting.Fixtures.send;
import static kz.zhedel.reporting.Fixtures.summary;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.DatabaseOutage;
import kz.zhedel.testing.RealInfrastructure;

/**
 * A record that arrives while the service's own database refuses connections waits for it, however long, instead of
 * being dead-lettered (the old retry gave up after 15 s); readiness says why meanwhile.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DatabaseOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Longer than the 15 s after which the old retry dead-lettered the record. */
    private static final Duration LONGER_THAN_THE_OLD_CAP = Duration.ofSeconds(18);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void aRecordHeldByAnOutageIsAppliedOnceTheDatabaseIsBackAndNeverDeadLettered() {
        UUID id = UUID.randomUUID();
        DatabaseOutage outage = DatabaseOutage.start(database);
        try {
            send(CloudEventRecords.of(reported(id, "2026-04-01T10:00:00Z")));

            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, Object> check = eventConsumers();
                assertThat(check.get("status"), equalTo("DOWN"));
                assertThat(check, hasKey("data"));
                assertThat(String.valueOf(check.get("data")), allOf(containsString("events="),
                        containsString("held since"), containsString("attempt(s)"), containsString("last error")));
            });
            await().during(LONGER_THAN_THE_OLD_CAP).atMost(LONGER_THAN_THE_OLD_CAP.plusSeconds(10))
                    .untilAsserted(() -> assertThat(eventConsumers().get("status"), equalTo("DOWN")));
            given().when().get("/q/health/live").then().statusCode(200); // a restart would not mend it
        } finally {
            outage.end();
        }

        await().atMost(PATIENCE).untilAsserted(() -> summary("2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z")
                .statusCode(200).body("incidents", equalTo(1)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventConsumers().get("status"), equalTo("UP")));
        deadLetters().body("key", not(hasItem(id.toString())));
    }
}
