package kz.zhedel.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PagingTest {

    /** What notification-service published; the topic is shared, so read by incident. */
    private static final TopicLog notifications = Kafka.topic(Topics.NOTIFICATIONS);

    private static final Set<String> PAGE_FIELDS = Set.of("pageId", "incidentId", "assignmentId", "category",
            "severity", "district", "ackUrl");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final PagerReceiver pager = new PagerReceiver();

    @Inject
    MeterRegistry registry;

    private static Contact webhook(String path) {
        return new Contact(Channel.WEBHOOK, pager.url(path));
    }

    @AfterAll
    static void stopPager() {
        pager.close();
    }

    @Test
    void pageReachesTheWebhookWithOnlyTheDocumentedFields() throws Exception {
        PageRequested request = Dispatch.request(webhook("/pager/first"));

        await().atMost(WAIT).until(() -> pager.at("/pager/first").size() == 1);
        PagerReceiver.Received post = pager.at("/pager/first").get(0);
        assertEquals("POST", post.method());
        assertEquals("application/json", post.headers().getFirst("Content-Type"));
        assertEquals(request.pageId().toString(), post.headers().getFirst("Idempotency-Key"));
        String timestamp = post.headers().getFirst("X-Zhedel-Timestamp");
        assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 60, timestamp);
        assertEquals("sha256=" + hmac("test-only-webhook-secret-0123456789", timestamp + "." + post.body()),
                post.headers().getFirst("X-Zhedel-Signature"), "HMAC-SHA256 of <timestamp>.<body>");
        JsonNode page = post.json();
        Set<String> fields = new HashSet<>();
        page.fieldNames().forEachRemaining(fields::add);
        assertEquals(PAGE_FIELDS, fields);
        assertEquals(request.pageId().toString(), page.get("pageId").asText());
        assertEquals(request.incidentId().toString(), page.get("incidentId").asText());
        assertEquals(request.assignmentId().toString(), page.get("assignmentId").asText());
        assertEquals("BULLYING", page.get("category").asText());
        assertEquals("P2", page.get("severity").asText());
        assertEquals("BAIKONUR", page.get("district").asText());

        String ackUrl = page.get("ackUrl").asText();
        assertTrue(ackUrl.startsWith("http://notification.test/ack/"), ackUrl);
        given().when().get(URI.create(ackUrl).getPath())
                .then().statusCode(200).body(containsString(request.incidentId().toString()));

        await().atMost(WAIT).untilAsserted(() -> {
            List<PageDelivered> delivered = notifications.events(request.incidentId(), PageDelivered.class);
            assertEquals(1, delivered.size());
            assertEquals(request.pageId(), delivered.get(0).pageId());
            assertEquals(request.assignmentId(), delivered.get(0).assignmentId());
            assertEquals(Channel.WEBHOOK, delivered.get(0).channel());
        });
        assertEquals(1, pager.at("/pager/first").size());
    }

    @Test
    void aPageToTheDutyCoordinatorCarriesTheAlertInItsWebhookBody() {
        CoordinatorAlert alert = new CoordinatorAlert(CoordinatorAlert.Reason.PAGE_FAILED, ResponderRole.PSYCHOLOGIST);
        Dispatch.request(UUID.randomUUID(), Language.RU, Severity.P2, alert, webhook("/pager/coordinator"));

        await().atMost(WAIT).until(() -> pager.at("/pager/coordinator").size() == 1);
        JsonNode page = pager.at("/pager/coordinator").get(0).json();
        Set<String> fields = new HashSet<>();
        page.fieldNames().forEachRemaining(fields::add);
        Set<String> withAlert = new HashSet<>(PAGE_FIELDS);
        withAlert.add("alert");
        assertEquals(withAlert, fields);
        assertEquals("PAGE_FAILED", page.get("alert").get("reason").asText());
        assertEquals("PSYCHOLOGIST", page.get("alert").get("role").asText());
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void transientFailuresAreRetriedUntilDelivered() {
        pager.script("/pager/flaky", 503, 503, 200);
        PageRequested request = Dispatch.request(webhook("/pager/flaky"), webhook("/pager/flaky-reserve"));

        await().atMost(WAIT).until(() -> !notifications.events(request.incidentId(), PageDelivered.class).isEmpty());
        List<PagerReceiver.Received> tries = pager.at("/pager/flaky");
        assertEquals(3, tries.size());
        assertEquals(1, tries.stream().map(PagerReceiver.Received::body).distinct().count(), "the same page each time");
        assertTrue(pager.at("/pager/flaky-reserve").isEmpty());

        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("DELIVERED", pages.getString("[0].status"));
        assertEquals("DELIVERED", pages.getString("[0].deliveries[0].status"));
        assertEquals(3, pages.getInt("[0].deliveries[0].attempts"));
        assertEquals("HTTP 200", pages.getString("[0].deliveries[0].providerStatus"));
        assertEquals(pager.url("/pager/flaky"), pages.getString("[0].deliveries[0].address"));
        assertEquals("CANCELLED", pages.getString("[0].deliveries[1].status"));
        assertEquals(0, pages.getInt("[0].deliveries[1].attempts"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("zhedel_page_delivery_attempts_total{channel=\"WEBHOOK\",outcome=\"TRANSIENT\""));
    }

    @Test
    void permanentFailureMovesOnToTheNextContact() {
        double emailsFailed = deliveries(Channel.EMAIL, "FAILED");
        double webhooksFailed = deliveries(Channel.WEBHOOK, "FAILED");
        double webhooksDelivered = deliveries(Channel.WEBHOOK, "DELIVERED");
        pager.script("/pager/gone", 404);
        PageRequested request = Dispatch.request(webhook("/pager/gone"), new Contact(Channel.EMAIL, "not-an-address"),
                webhook("/pager/backup"));

        await().atMost(WAIT).until(() -> pager.at("/pager/backup").size() == 1);
        assertEquals(1, pager.at("/pager/gone").size(), "a 404 is not retried");
        await().atMost(WAIT).untilAsserted(() -> {
            List<PageDelivered> delivered = notifications.events(request.incidentId(), PageDelivered.class);
            assertEquals(1, delivered.size());
        });

        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("FAILED", pages.getString("[0].deliveries[0].status"));
        assertEquals("HTTP 404", pages.getString("[0].deliveries[0].lastError"));
        assertEquals("FAILED", pages.getString("[0].deliveries[1].status"));
        assertEquals("EMAIL", pages.getString("[0].deliveries[1].channel"));
        assertEquals("invalid e-mail address", pages.getString("[0].deliveries[1].lastError"));
        assertEquals("DELIVERED", pages.getString("[0].deliveries[2].status"));
        // each contact's outcome is counted by channel and status (other tests' webhooks may count meanwhile)
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1.0, deliveries(Channel.EMAIL, "FAILED") - emailsFailed);
            assertTrue(deliveries(Channel.WEBHOOK, "FAILED") - webhooksFailed >= 1);
            assertTrue(deliveries(Channel.WEBHOOK, "DELIVERED") - webhooksDelivered >= 1);
        });
    }

    private double deliveries(Channel channel, String status) {
        Counter counter = registry.find("zhedel.page.deliveries").tag("channel", channel.name())
                .tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void pageFailsWhenEveryContactFailed() {
        pager.script("/pager/down", 503);
        PageRequested request = Dispatch.request(webhook("/pager/down"), new Contact(Channel.SMS, "12"));

        await().atMost(WAIT).untilAsserted(() -> {
            List<PageFailed> failed = notifications.events(request.incidentId(), PageFailed.class);
            assertEquals(1, failed.size());
            assertEquals(request.pageId(), failed.get(0).pageId());
            assertEquals("WEBHOOK: HTTP 503 after 5 attempts; SMS: invalid phone number",
                    failed.get(0).reason());
        });
        assertEquals(5, pager.at("/pager/down").size());
        assertTrue(notifications.events(request.incidentId(), PageDelivered.class).isEmpty());

        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("FAILED", pages.getString("[0].status"));
        assertEquals(5, pages.getInt("[0].deliveries[0].attempts"));
        assertFalse(pages.getString("[0].failureReason").contains("127.0.0.1"));
    }

    @Test
    void sameRequestTwiceIsPagedOnce() {
        PageRequested request = Dispatch.pageRequest(webhook("/pager/once"));
        Kafka.send(CloudEventRecords.of(request, "ce-" + request.pageId()),
                CloudEventRecords.of(request, "ce-" + request.pageId()));
        // the same page again under another event id, as a re-sending producer might do
        Kafka.send(CloudEventRecords.of(request));

        await().atMost(WAIT).until(() -> !notifications.events(request.incidentId(), PageDelivered.class).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> pager.at("/pager/once").size() == 1
                        && notifications.events(request.incidentId(), PageDelivered.class).size() == 1);
        assertEquals(1, OpsApi.pages(request.incidentId()).getList("$").size());
    }
}
