package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service killed with SIGKILL in the middle of the flow and started again loses no incident and pages no one
 * twice: its work is in the database (outbox, inbox, deliveries) and Kafka redelivers what it had not committed.
 */
class CrashRecoveryIT extends OnePager {

    @BeforeAll
    static void onShift() {
        api.psychologistOnShift("Nurlan Psychologist", "NURA", pager.url());
    }

    @Test
    void dispatchKilledWhileIncidentsArrive() {
        stack.kill("dispatch");
        List<String> incidents = report(5);
        stack.up();
        everyIncidentPagedOnceAndAcknowledged(incidents);
    }

    @Test
    void notificationKilledWhilePagesAreDue() {
        List<String> incidents = report(3);
        stack.kill("notification");
        List<String> more = report(3);
        stack.up();
        incidents.addAll(more);
        everyIncidentPagedOnceAndAcknowledged(incidents);
    }

    @Test
    void intakeKilledRightAfterAnswering() {
        List<String> incidents = report(3);
        stack.kill("intake");
        stack.up();
        everyIncidentPagedOnceAndAcknowledged(incidents);
    }

    private static List<String> report(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.report("FAMILY_CONFLICT", "P2", "NURA"));
        }
        return ids;
    }

    /** Acknowledging every page and waiting for it to come back is the barrier after which nothing is in flight. */
    private static void everyIncidentPagedOnceAndAcknowledged(List<String> incidents) {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> incidents.stream().allMatch(id -> !pager.pagesFor(id).isEmpty()));
        for (String id : incidents) {
            api.acknowledge(pager.pagesFor(id).get(0).get("ackUrl").asText());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> incidents.stream()
                .allMatch(id -> "ACKNOWLEDGED".equals(api.incident(id).getString("status"))));
        for (String id : incidents) {
            // A crash between the receiver's 2xx and its record may repeat a delivery (at least once over HTTP);
            // it is the same page, with the same pageId for the receiver to drop. A second page is a bug.
            long pages = pager.distinctPagesFor(id);
            assertEquals(1, pages, "incident " + id + " paged " + pages + " times");
            assertEquals(1, api.incident(id).getList("timeline.status").stream()
                    .filter("DISPATCHED"::equals).count(), "incident " + id + " dispatched once");
        }
    }
}
