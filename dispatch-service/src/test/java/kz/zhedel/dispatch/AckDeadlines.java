package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Ops.ops;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.TopicLog;

/**
 * What the tests that run the acknowledgement-deadline timer share (EscalationTest, SafetyNetTest): the timer's
 * settings, team rules with minute deadlines, and the steps past a deadline and to an acknowledgement.
 */
final class AckDeadlines {

    /** Every severity's acknowledgement deadline, in seconds. */
    static final long DEADLINE = 60;

    static final Map<String, Long> MINUTE = Map.of("P1", DEADLINE, "P2", DEADLINE, "P3", DEADLINE, "P4", DEADLINE);

    private static final TopicLog DISPATCH = Kafka.topic(Topics.DISPATCH);

    private AckDeadlines() {
    }

    /**
     * A profile's settings: the timer polling every second, {@code coordinator} the configured duty coordinator,
     * and an unanswered alert paged once more before it passes on; {@code more} adds settings of the test's own.
     */
    static Map<String, String> timerOn(UUID coordinator, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("zhedel.dispatch.deadlines.poll-interval", "1s");
        settings.put("zhedel.dispatch.coordinator.responder-id", coordinator.toString());
        settings.put("zhedel.dispatch.coordinator.repeats", "1");
        return settings;
    }

    /** Puts team rules with {@link #DEADLINE} for every severity; answers their version. */
    static int putWithMinuteDeadlines(List<Map<String, Object>> rules) {
        return ops().body(rules(MINUTE, rules)).when().put("/api/v1/rules").then().statusCode(200)
                .extract().path("version");
    }

    static Map<String, Object> rules(Map<String, ?> deadlines, List<Map<String, Object>> rules) {
        return Map.of("ackDeadlineSeconds", deadlines, "rules", rules);
    }

    @SafeVarargs
    static Map<String, Object> rule(String category, String severity, Map<String, Object>... roles) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("category", category);
        rule.put("severity", severity);
        rule.put("roles", List.of(roles));
        return rule;
    }

    static Map<String, Object> role(String role, Boolean mustAcknowledge) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("role", role);
        entry.put("mustAcknowledge", mustAcknowledge);
        return entry;
    }

    /** Moves the clock just past the deadline of the incident's first page: the page that follows it. */
    static PageRequested repagedAfterDeadline(MovableClock clock, Instant start, UUID incidentId) {
        clock.travelTo(start.plusSeconds(DEADLINE + 1));
        return DISPATCH.awaitEvents(incidentId, PageRequested.class, 2).get(1);
    }

    /** The responder takes the page; returns once dispatch has announced the acknowledgement. */
    static void acknowledge(PageRequested page, Instant at) {
        Kafka.send(new PageAcknowledged(page.incidentId(), page.pageId(), page.assignmentId(), page.responderId(),
                at));
        DISPATCH.awaitOnly(page.incidentId(), AssignmentAcknowledged.class);
    }
}
