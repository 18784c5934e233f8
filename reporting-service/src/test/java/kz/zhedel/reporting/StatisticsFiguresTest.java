package kz.zhedel.reporting;

import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.reporting.service.Schools;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/**
 * Each figure of the summary on small hand-made data with known answers. Every test has its own days, since the
 * tests share one database; the registry holds two schools for the whole class.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatisticsFiguresTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Schools schools;

    private void registry() {
        schools.replace(List.of(new Schools.School("school-1", "School No. 1", "STATE", "YESIL", true),
                new Schools.School("school-2", "Private School Bilim", "PRIVATE", "NURA", true)));
    }

    /** One incident's whole life: received at {@code t0}, each step {@code s} seconds after it (null: not reached). */
    private record Life(UUID id, String receivedAt, Severity severity, District district, String school,
            String childKey, Integer assign, Integer page, Integer ack, Integer deadline, Integer escalate,
            Integer onScene, boolean cancel, Channel failedOn) {

        List<ProducerRecord<String, String>> records() {
            Instant t0 = Instant.parse(receivedAt);
            UUID assignment = UUID.randomUUID();
            UUID responder = UUID.randomUUID();
            UUID pageId = UUID.randomUUID();
            List<ProducerRecord<String, String>> r = new ArrayList<>();
            r.add(CloudEventRecords.of(new IncidentReported(id, "school-a", Category.BULLYING, severity, district,
                    school, Language.KK, t0, t0, 0, "SCHOOL", childKey)));
            if (assign != null) {
                r.add(CloudEventRecords.of(new IncidentDispatched(id, assignment, responder,
                        ResponderRole.PSYCHOLOGIST, "on call", t0.plusSeconds(assign), null)));
                r.add(CloudEventRecords.of(new PageRequested(id, pageId, assignment, responder, Category.BULLYING,
                        severity, district, Language.KK, Language.KK,
                        List.of(new Contact(Channel.SMS, "+77010000000"), new Contact(Channel.EMAIL, "a@b.kz")),
                        t0.plusSeconds(assign), deadline == null ? null : t0.plusSeconds(deadline), null)));
            }
            if (page != null) {
                r.add(CloudEventRecords.of(new PageDelivered(id, pageId, assignment, Channel.SMS,
                        t0.plusSeconds(page))));
            }
            if (failedOn != null) {
                r.add(CloudEventRecords.of(new PageFailed(id, pageId, assignment, "no answer", t0.plusSeconds(5))));
            }
            if (escalate != null) {
                r.add(CloudEventRecords.of(new AssignmentEscalated(id, assignment, responder,
                        ResponderRole.PSYCHOLOGIST, 1, AssignmentEscalated.Step.REPAGED, t0.plusSeconds(escalate),
                        null)));
            }
            if (ack != null) {
                r.add(CloudEventRecords.of(new AssignmentAcknowledged(id, assignment, responder, t0.plusSeconds(ack),
                        null)));
            }
            if (onScene != null) {
                r.add(CloudEventRecords.of(new AssignmentProgressed(id, assignment, responder,
                        ResponderRole.PSYCHOLOGIST, AssignmentProgressed.Stage.ON_SCENE, t0.plusSeconds(onScene),
                        null)));
            }
            if (cancel) {
                r.add(CloudEventRecords.of(new IncidentCancelled(id, CancelReason.FALSE_REPORT,
                        new Actor("duty-1", "coordinator"), t0.plusSeconds(3000))));
            }
            return r;
        }
    }

    private static Life life(String at, Severity severity, String school, String child, Integer ack, Integer deadline,
            Integer escalate) {
        return new Life(UUID.randomUUID(), at, severity, District.YESIL, school, child, 10, 20, ack, deadline,
                escalate, ack == null ? null : ack + 600, false, null);
    }

    /**
     * Five incidents on one day: child A twice, a school outside the registry, an SLA breach, a cancelled false
     * report, a page that failed on both its channels.
     */
    private static List<Life> day(String day) {
        String childA = "aaaaaaaaaaaaaaaa0000000000000000";
        return List.of(
                life(day + "T04:00:00Z", Severity.P1, "school-1", childA, 60, 300, null),
                life(day + "T05:00:00Z", Severity.P1, "school-1", childA, 900, 300, 300),
                life(day + "T06:00:00Z", Severity.P2, "school-x", "bbbbbbbbbbbbbbbb0000000000000000", 120, 900, null),
                new Life(UUID.randomUUID(), day + "T07:00:00Z", Severity.P2, District.NURA, "school-2",
                        "cccccccccccccccc0000000000000000", 10, 20, 30, 900, null, null, true, null),
                new Life(UUID.randomUUID(), day + "T08:00:00Z", Severity.P3, District.NURA, null, null, 10, null,
                        null, 900, null, null, false, Channel.SMS));
    }

    /** The registry, then {@link #day}'s incidents, each one's events in order; returns once its figures show. */
    private void sendDay(String day) {
        registry();
        for (Life l : day(day)) {
            send(l.records().toArray(ProducerRecord[]::new));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertFigures(day));
    }

    private static void assertFigures(String day) {
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00")
                .statusCode(200)
                .body("incidents", equalTo(5))
                .body("childrenCounselled", equalTo(2)) // A once; B; C's report was cancelled as false
                .body("schools.covered", equalTo(2))
                .body("schools.registered", equalTo(2))
                .body("schools.unknown", equalTo(1))
                .body("schools.reportsFromUnknownSchools", equalTo(1))
                .body("sla.P1.within", equalTo(1))
                .body("sla.P1.breached", equalTo(1))
                .body("sla.P1.percentWithin", equalTo(50.0f))
                .body("sla.P2.within", equalTo(2))
                .body("sla.P2.breached", equalTo(0))
                .body("responseTimes.P1.acknowledgement.count", equalTo(2))
                .body("responseTimes.P1.acknowledgement.p50", equalTo(60))
                .body("responseTimes.P1.acknowledgement.p99", equalTo(900))
                .body("responseTimes.P1.onScene.p90", equalTo(1500))
                .body("responseTimes.P3.firstPageDelivered.count", equalTo(0))
                .body("escalated", equalTo(1))
                .body("cancelled", equalTo(1))
                .body("pageFailuresByChannel", equalTo(Map.of("SMS", 1, "EMAIL", 1)));
    }

    @Test
    void eachFigureOnAKnownDay() {
        String day = "2027-01-10";
        sendDay(day);
        // the filters: a district, a school type, a severity, a partner kind
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "district", "NURA").body("incidents", equalTo(2))
                .body("childrenCounselled", equalTo(0));
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "schoolType", "STATE").body("incidents", equalTo(2))
                .body("childrenCounselled", equalTo(1));
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "schoolType", "UNKNOWN")
                .body("incidents", equalTo(1));
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "schoolType", "NONE").body("incidents", equalTo(1));
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "severity", "p1").body("incidents", equalTo(2))
                .body("bySeverity", equalTo(Map.of("P1", 2)));
        summary(day + "T00:00:00+05:00", day + "T23:59:59+05:00", "partnerKind", "POLICE")
                .body("incidents", equalTo(0));
    }

    @Test
    void wholeDaysFromTheAggregatesGiveTheSameFiguresAsPartialDays() {
        String day = "2027-01-12";
        sendDay(day);
        // the same day as one whole Asia/Almaty day (from the rollup, which follows within moments) and as two
        // halves (incident by incident)
        await().atMost(PATIENCE).untilAsserted(() -> summary(day + "T00:00:00+05:00", "2027-01-13T00:00:00+05:00")
                .body("incidents", equalTo(5)).body("childrenCounselled", equalTo(2))
                .body("sla.P1.breached", equalTo(1)).body("responseTimes.P1.acknowledgement.p99", equalTo(900)));
        summary("2027-01-11T12:00:00+05:00", "2027-01-13T12:00:00+05:00").body("incidents", equalTo(5))
                .body("pageFailuresByChannel", equalTo(Map.of("SMS", 1, "EMAIL", 1)));
    }

    /**
     * Each slice of the rollup (no filter, one dimension, one dimension and a severity) and a filter on two dimensions
     * (no slice: summed incident by incident) give, over a whole day, exactly the figures summed from that day's
     * incidents one by one (a bound inside the day).
     */
    @Test
    void theRollupsSlicesGiveTheFiguresOfTheIncidentsOneByOne() {
        String day = "2027-01-17";
        sendDay(day);
        String[][] filters = { {}, { "district", "NURA" }, { "district", "YESIL", "severity", "P1" },
                { "category", "BULLYING" }, { "severity", "P2" }, { "schoolType", "STATE" },
                { "schoolType", "UNKNOWN" }, { "schoolType", "NONE" }, { "partnerKind", "SCHOOL" },
                { "district", "NURA", "schoolType", "STATE" }, { "district", "YESIL", "partnerKind", "SCHOOL",
                        "severity", "P1" } };
        for (String[] filter : filters) {
            await().atMost(PATIENCE).untilAsserted(() -> assertEquals(
                    figures(day + "T00:00:00+05:00", day + "T23:59:59+05:00", filter),
                    figures(day + "T00:00:00+05:00", "2027-01-18T00:00:00+05:00", filter),
                    String.join("=", filter)));
        }
        assertTrue(figures(day + "T00:00:00+05:00", "2027-01-18T00:00:00+05:00", "district", "NURA")
                .contains("\"incidents\":2,"));
    }

    /** A summary as JSON without the time it was asked. */
    private static String figures(String from, String to, String... filter) {
        return summary(from, to, filter).statusCode(200).extract().asString()
                .replaceAll("\"generatedAt\":\"[^\"]*\"", "");
    }

    @Test
    void eventsInAnyOrderAndTwiceGiveTheSameFigures() {
        registry();
        String day = "2027-01-14";
        List<ProducerRecord<String, String>> all = new ArrayList<>();
        for (Life l : day(day)) {
            all.addAll(l.records());
        }
        List<ProducerRecord<String, String>> shuffled = new ArrayList<>(all);
        shuffled.addAll(all); // each one twice
        Collections.shuffle(shuffled, new Random(9));
        // different partitions per record, so that the events of one incident are consumed in the shuffled order
        for (ProducerRecord<String, String> r : shuffled) {
            send(new ProducerRecord<>(r.topic(), null, UUID.randomUUID().toString(), r.value(), r.headers()));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertFigures(day));
    }

    /**
     * The rollup's rows are read through a cache of decoded tallies and finished figures: a day, its month and its
     * bucket of a series read once, then changed by a further report, give the new figures, never the cached ones.
     */
    @Test
    void figuresReadOnceFollowTheRollupWhenTheirDayChanges() {
        String from = "2027-02-03T00:00:00+05:00";
        String monthFrom = "2027-02-01T00:00:00+05:00";
        String to = "2027-02-04T00:00:00+05:00";
        String monthTo = "2027-03-01T00:00:00+05:00";
        String twoMonthsTo = "2027-04-01T00:00:00+05:00"; // two months' rows, merged once and kept
        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-02-03T04:00:00Z")),
                CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-03-10T04:00:00Z")));
        await().atMost(PATIENCE).untilAsserted(() -> {
            summary(from, to).body("incidents", equalTo(1));
            summary(monthFrom, monthTo).body("incidents", equalTo(1));
            summary(monthFrom, twoMonthsTo).body("incidents", equalTo(2));
            dailySeries(from, to).body("buckets[0].figures.incidents", equalTo(1));
        });
        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-02-03T05:00:00Z")));
        await().atMost(PATIENCE).untilAsserted(() -> {
            summary(from, to).body("incidents", equalTo(2));
            summary(monthFrom, monthTo).body("incidents", equalTo(2));
            summary(monthFrom, twoMonthsTo).body("incidents", equalTo(3));
            dailySeries(from, to).body("buckets[0].figures.incidents", equalTo(2));
        });
        summary(from, to, "district", "BAIKONUR", "category", "BULLYING").body("incidents", equalTo(2));
    }

    private static ValidatableResponse dailySeries(String from, String to) {
        return RestAssured.given().auth().oauth2(Fixtures.OPS_KEY).queryParam("bucket", "day")
                .queryParam("from", from).queryParam("to", to).when().get("/api/v1/stats/series").then()
                .statusCode(200);
    }

    @Test
    void aDayIsAnAsiaAlmatyDayAcrossMidnight() {
        // 18:59:59Z is 23:59:59 in Astana and 19:00Z the next day's midnight
        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-01-20T18:59:59Z")),
                CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-01-20T19:00:00Z")),
                CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-01-20T19:00:01Z")));
        await().atMost(PATIENCE).untilAsserted(() -> summary("2027-01-20T00:00:00+05:00", "2027-01-22T00:00:00+05:00")
                .body("incidents", equalTo(3)));
        summary("2027-01-20T00:00:00+05:00", "2027-01-21T00:00:00+05:00").body("incidents", equalTo(1));
        summary("2027-01-21T00:00:00+05:00", "2027-01-22T00:00:00+05:00").body("incidents", equalTo(2));
        summary("2027-01-21T00:00:00+05:00", "2027-01-21T00:00:01+05:00").body("incidents", equalTo(1));
    }

    @Test
    void anUnknownFilterValueIsAProblemNamingTheParameter() {
        for (String parameter : List.of("district", "category", "severity", "partnerKind", "schoolType")) {
            summary(null, null, parameter, "NOWHERE").statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(parameter))
                    .body("errors[0].message", containsString("must be one of"));
        }
    }

    private static ValidatableResponse summary(String from, String to, String... filter) {
        var request = RestAssured.given().auth().oauth2(Fixtures.OPS_KEY);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        for (int i = 0; i < filter.length; i += 2) {
            request.queryParam(filter[i], filter[i + 1]);
        }
        return request.when().get("/api/v1/stats/summary").then();
    }
}
