package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.intake.service.Retention;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** Personal data of incidents closed longer than the retention period is erased; the classification stays. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Test
    void personalDataOfLongClosedIncidentsIsErasedAndTheRestStays() {
        String longClosed = AuthTest.post("key-a", "retain-1");
        String recentlyClosed = AuthTest.post("key-a", "retain-2");
        String open = AuthTest.post("key-a", "retain-3");
        QuarkusTransaction.requiringNew().run(() -> {
            retention.closed(UUID.fromString(longClosed), Instant.now().minus(Duration.ofDays(366)));
            retention.closed(UUID.fromString(recentlyClosed), Instant.now().minus(Duration.ofDays(10)));
        });

        assertTrue(retention.eraseExpired() >= 1);
        assertEquals(0, retention.eraseExpired());

        String coordinator = TestTokens.token(Roles.COORDINATOR, "duty-coordinator");
        given().auth().oauth2(coordinator).header("X-Purpose", "audit").when()
                .get("/api/v1/incidents/" + longClosed + "/details").then().statusCode(200)
                .body("child.firstName", nullValue()).body("child.birthYear", nullValue())
                .body("reporter.phone", nullValue()).body("summary", nullValue())
                .body("child.language", equalTo("kk")).body("personalDataErasedAt", notNullValue());
        given().auth().oauth2("key-a").when().get("/api/v1/incidents/" + longClosed).then().statusCode(200)
                .body("category", equalTo("BULLYING")).body("status", equalTo("RESOLVED"));
        for (String kept : new String[] { recentlyClosed, open }) {
            given().auth().oauth2(coordinator).header("X-Purpose", "audit").when()
                    .get("/api/v1/incidents/" + kept + "/details").then().statusCode(200)
                    .body("child.firstName", equalTo("Айгерим")).body("personalDataErasedAt", nullValue());
        }
    }
}
