package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.zhedel.testing.DatabaseOutage;

/**
 * Reports keep coming at a steady rate while dispatch's own database refuses connections for a minute (the other
 * databases stay up): once it is back every report is paged exactly once, and no service dead-lettered anything.
 */
class DatabaseOutageIT extends OnePager {

    /** 100 reports a minute: under intake's default limit of 120 per partner and minute. */
    private static final long EVERY_MS = 600;
    private static final Duration REPORTING = Duration.ofSeconds(80);
    private static final Duration OUTAGE_FROM = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @BeforeAll
    static void onShift() {
        api.psychologistOnShift("Outage Psychologist", "NURA", pager.url());
    }

    @Test
    void everyReportIsPagedOnceAfterDispatchsDatabaseWasDownForAMinute() {
        List<String> incidents = new CopyOnWriteArrayList<>();
        List<RuntimeException> refused = new CopyOnWriteArrayList<>();
        long reports = REPORTING.toMillis() / EVERY_MS;
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        DatabaseOutage[] outage = new DatabaseOutage[1];
        try {
            clock.scheduleAtFixedRate(() -> {
                if (incidents.size() + refused.size() < reports) {
                    try {
                        incidents.add(api.report("FAMILY_CONFLICT", "P2", "NURA"));
                    } catch (RuntimeException | AssertionError e) {
                        refused.add(new IllegalStateException(e.getMessage()));
                    }
                }
            }, 0, EVERY_MS, TimeUnit.MILLISECONDS);
            clock.schedule(() -> outage[0] = DatabaseOutage.start(stack.jdbcUrl("dispatch"), Stack.DB_USER,
                    Stack.DB_USER), OUTAGE_FROM.toMillis(), TimeUnit.MILLISECONDS);

            // Dispatch says why it is not ready while the outage holds its consumer; it stays alive.
            await().atMost(OUTAGE_FROM.plusSeconds(30)).until(() -> outage[0] != null && "DOWN".equals(
                    eventConsumers(stack.dispatch()).get("status")));
            given().get(stack.dispatch() + "/q/health/live").then().statusCode(200);
            await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outage[0] != null && incidents.size() >= (OUTAGE_FROM.plus(OUTAGE).toMillis()
                            / EVERY_MS) - 5);
            outage[0].end();
            await().atMost(REPORTING).until(() -> incidents.size() + refused.size() >= reports);
        } finally {
            clock.shutdownNow();
            if (outage[0] != null) {
                outage[0].end();
            }
        }
        assertEquals(List.of(), refused, "intake took every report: only dispatch's database was down");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents.stream().allMatch(id -> pager.distinctPagesFor(id) > 0));
        for (String id : incidents) {
            assertEquals(1, pager.distinctPagesFor(id), "incident " + id + " paged once");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(eventConsumers(stack.dispatch()).get("status")));
        for (String service : List.of("intake", "dispatch", "notification", "reporting")) {
            assertEquals("[]", stack.deadLetters(service).trim(), service + " dead-lettered nothing");
        }
    }

    private static Map<String, Object> eventConsumers(String service) {
        return given().get(service + "/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'event consumers' }");
    }
}
