package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/**
 * The operators' gauges on /q/metrics: open incidents by severity, unassigned now, SLA breaches in the last hour.
 * Times are relative to now (the gauges are about now); the tests share a database, so each asserts the change its
 * own incidents make.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OperatorGaugesTest {

    private static final String OPEN = "zhedel_reporting_incidents_open";
    private static final String UNASSIGNED = "zhedel_reporting_incidents_unassigned";
    private static final String BREACHES = "zhedel_reporting_sla_breaches_last_hour";

    private static Map<String, Double> gauges() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return Map.of("P1", value(text, OPEN + "{severity=\"P1\"}"), "P2", value(text, OPEN + "{severity=\"P2\"}"),
                "P3", value(text, OPEN + "{severity=\"P3\"}"), UNASSIGNED, value(text, UNASSIGNED),
                BREACHES, value(text, BREACHES));
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new AssertionError(series + " not in /q/metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    /** An incident received {@code agoMinutes} ago, assigned and paged a minute later with the given deadline. */
    private static void incident(Severity severity, int agoMinutes, Integer deadlineAgoMinutes, Integer ackAgoMinutes,
            boolean resolved) {
        Instant now = Instant.now();
        Instant received = now.minus(Duration.ofMinutes(agoMinutes));
        UUID id = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID responder = UUID.randomUUID();
        send(CloudEventRecords.of(new IncidentReported(id, "school-a", Category.BULLYING, severity, District.YESIL,
                null, Language.KK, received, received, 0, "SCHOOL", null)));
        if (deadlineAgoMinutes == null) {
            send(CloudEventRecords.of(new IncidentUnassigned(id, ResponderRole.PSYCHOLOGIST, "nobody on call",
                    received.plusSeconds(5))));
            return;
        }
        send(CloudEventRecords.of(new IncidentDispatched(id, assignment, responder, ResponderRole.PSYCHOLOGIST,
                "on call", received.plusSeconds(60), null)),
                CloudEventRecords.of(new PageRequested(id, UUID.randomUUID(), assignment, responder, Category.BULLYING,
                        severity, District.YESIL, Language.KK, Language.KK,
                        List.of(new Contact(Channel.SMS, "+77010000000")), received.plusSeconds(60),
                        now.minus(Duration.ofMinutes(deadlineAgoMinutes)), null)));
        if (ackAgoMinutes != null) {
            send(CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, responder,
                    now.minus(Duration.ofMinutes(ackAgoMinutes)), null)));
        }
        if (resolved) {
            send(CloudEventRecords.of(new IncidentResolved(id, now.minusSeconds(30))));
        }
    }

    @Test
    void openBySeverityUnassignedNowAndBreachesInTheLastHour() {
        Map<String, Double> before = gauges();
        incident(Severity.P1, 30, 20, null, false); // deadline passed 20 minutes ago, nobody acknowledged: a breach
        incident(Severity.P1, 40, 35, 30, false); // acknowledged 5 minutes late: a breach
        incident(Severity.P2, 180, 170, null, false); // breached, but not in the last hour
        incident(Severity.P2, 10, 5, 8, false); // acknowledged in time
        incident(Severity.P3, 5, null, null, false); // nobody could be assigned
        incident(Severity.P1, 50, 45, 48, true); // resolved: not open

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> now = gauges();
            assertEquals(before.get("P1") + 2, now.get("P1"), "open P1");
            assertEquals(before.get("P2") + 2, now.get("P2"), "open P2");
            assertEquals(before.get("P3") + 1, now.get("P3"), "open P3");
            assertEquals(before.get(UNASSIGNED) + 1, now.get(UNASSIGNED), "unassigned");
            assertEquals(before.get(BREACHES) + 2, now.get(BREACHES), "breaches in the last hour");
        });
    }
}
