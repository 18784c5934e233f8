package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/**
 * {@code ./zhedel rebuild-stats}: reporting's derived tables and inbox cleared with {@code stats-rebuild.sql}, the
 * topics read again from the beginning (here: this test's records read back from the broker and delivered again,
 * as a consumer group reset to the earliest offset would), and every figure comes back the same.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatsRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FROM = "2024-06-09T19:00:00Z"; // 10 June, Asia/Almaty midnight
    private static final String TO = "2024-06-12T19:00:00Z";

    @Inject
    Session session;

    @Test
    void aRebuildFromTheTopicsGivesTheSameFigures() throws IOException {
        List<ProducerRecord<String, String>> sent = events();
        Fixtures.send(sent.toArray(ProducerRecord[]::new));
        Map<String, String> live = awaitEveryEvent();

        String rebuild = rebuildSql();
        QuarkusTransaction.requiringNew().run(() -> session.createNativeMutationQuery(rebuild).executeUpdate());
        assertNotEquals(live, figures(), "the cleared tables give other figures");
        Fixtures.send(readBack(sent).toArray(ProducerRecord[]::new));

        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(live, figures()));
    }

    /**
     * Six incidents over three Almaty days (one at 23:30 local), each event of a kind reporting counts: a child
     * with two reports, an SLA breach, a cancelled report, a page failed on its channels, an unknown school. Some
     * events are sent twice (same CloudEvent id) and some incidents' events in reverse order.
     */
    private static List<ProducerRecord<String, String>> events() {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        String child = "abcdefabcdef0123";
        int[][] lives = { // hour after FROM, severity, ack after (s), deadline (s), cancelled, failed page
                { 1, 0, 60, 300, 0, 0 }, { 9, 0, 900, 300, 0, 0 }, { 28, 1, 120, 900, 1, 0 },
                { 29, 2, 300, 3600, 0, 1 }, { 52, 3, 2000, 14400, 0, 0 }, { 71, 2, -1, 3600, 0, 0 } };
        for (int i = 0; i < lives.length; i++) {
            int[] l = lives[i];
            UUID id = UUID.randomUUID();
            UUID assignment = UUID.randomUUID();
            UUID responder = UUID.randomUUID();
            UUID page = UUID.randomUUID();
            Severity severity = Severity.values()[l[1]];
            Instant t0 = Instant.parse(FROM).plus(Duration.ofHours(l[0]).plusMinutes(30));
            List<ZhedelEvent> life = new ArrayList<>();
            life.add(new IncidentReported(id, "school-a", Category.values()[i], severity, District.values()[i % 5],
                    i == 3 ? "school-outside" : "school-in-" + i, Language.RU, t0, t0, 0, "SCHOOL",
                    i < 2 ? child : null));
            life.add(new IncidentDispatched(id, assignment, responder, ResponderRole.PSYCHOLOGIST, "on call",
                    t0.plusSeconds(5), null));
            life.add(new PageRequested(id, page, assignment, responder, Category.values()[i], severity,
                    District.values()[i % 5], Language.RU, Language.RU, List.of(new Contact(Channel.SMS, "+7700")),
                    t0.plusSeconds(5), t0.plusSeconds(l[3]), null));
            life.add(l[5] == 1 ? new PageFailed(id, page, assignment, "no answer", t0.plusSeconds(30))
                    : new PageDelivered(id, page, assignment, Channel.SMS, t0.plusSeconds(20)));
            if (l[2] > l[3] || l[2] < 0) {
                life.add(new AssignmentEscalated(id, assignment, responder, ResponderRole.PSYCHOLOGIST, 1,
                        AssignmentEscalated.Step.REPAGED, t0.plusSeconds(l[3]), null));
            }
            if (l[2] > 0) {
                life.add(new AssignmentAcknowledged(id, assignment, responder, t0.plusSeconds(l[2]), null));
                life.add(new AssignmentProgressed(id, assignment, responder, ResponderRole.PSYCHOLOGIST,
                        AssignmentProgressed.Stage.ON_SCENE, t0.plusSeconds(l[2] + 600), null));
            }
            if (l[4] == 1) {
                life.add(new IncidentCancelled(id, CancelReason.DUPLICATE, new Actor("duty-1", "coordinator"),
                        t0.plusSeconds(4000)));
            } else if (l[2] > 0) {
                life.add(new IncidentResolved(id, t0.plusSeconds(l[2] + 3000)));
            }
            if (i % 2 == 1) {
                Collections.reverse(life); // the acknowledgement before the report, the resolution before both
            }
            for (ZhedelEvent e : life) {
                ProducerRecord<String, String> record = CloudEventRecords.of(e);
                records.add(record);
                if (i % 3 == 0) {
                    records.add(record); // delivered twice: the same CloudEvent id
                }
            }
        }
        return records;
    }

    /** The figures of the period: summary (whole days and a part of one), series by day and week, public, CSV. */
    private static Map<String, String> figures() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("summary", get("/api/v1/stats/summary", "application/json", "from", FROM, "to", TO));
        f.put("partial", get("/api/v1/stats/summary", "application/json", "from", "2024-06-10T02:00:00Z", "to",
                "2024-06-11T08:00:00Z"));
        f.put("severity P1", get("/api/v1/stats/summary", "application/json", "from", FROM, "to", TO,
                "severity", "P1"));
        f.put("csv", get("/api/v1/stats/summary", "text/csv", "from", FROM, "to", TO));
        f.put("day", get("/api/v1/stats/series", "application/json", "bucket", "day", "from", FROM, "to", TO));
        f.put("week", get("/api/v1/stats/series", "application/json", "bucket", "week", "from", FROM, "to", TO));
        f.put("public", get("/api/v1/stats/public", "application/json", "from", "2024-06-10", "to", "2024-06-13"));
        return f;
    }

    private static String get(String path, String accept, String... params) {
        var request = given().auth().oauth2(Fixtures.OPS_KEY).accept(accept);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        String body = request.when().get(path).then().statusCode(200).extract().asString();
        return body.replaceAll("\"generatedAt\":\"[^\"]*\"", "\"generatedAt\":\"…\"")
                .replaceAll("generatedAt,[^\r\n]*", "generatedAt,…"); // when it was asked: not a figure
    }

    /**
     * The figures once every event has been taken in (all six incidents and their last steps) and rolled up into
     * the days, weeks and months (nothing left in {@code stats_change}).
     */
    private Map<String, String> awaitEveryEvent() {
        return await().atMost(PATIENCE).until(() -> rolledUp() ? figures() : Map.of("summary", ""),
                f -> f.get("summary").contains(
                "\"incidents\":6") && f.get("summary").contains("\"acknowledged\":5")
                && f.get("summary").contains("\"resolved\":4") && f.get("summary").contains("\"cancelled\":1")
                && f.get("summary").contains("\"escalated\":2"));
    }

    private boolean rolledUp() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) session
                .createNativeQuery("select count(*) from stats_change", Long.class).getSingleResult()).longValue() == 0);
    }

    /** This test's records as the broker holds them (in each partition's order), for delivery again. */
    private static List<ProducerRecord<String, String>> readBack(List<ProducerRecord<String, String>> sent) {
        Set<String> keys = new java.util.HashSet<>();
        sent.forEach(r -> keys.add(r.key()));
        List<ProducerRecord<String, String>> back = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "rebuild-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INCIDENTS, Topics.DISPATCH, Topics.NOTIFICATIONS));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        ProducerRecord<String, String> again = new ProducerRecord<>(r.topic(), r.key(), r.value());
                        r.headers().forEach(h -> again.headers().add(h));
                        back.add(again);
                    }
                }
                return back.size() == sent.size();
            });
        }
        return back;
    }

    private static String rebuildSql() throws IOException {
        try (InputStream in = StatsRebuildTest.class.getResourceAsStream("/stats-rebuild.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
