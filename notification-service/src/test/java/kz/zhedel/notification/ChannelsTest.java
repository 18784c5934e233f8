package kz.zhedel.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** Every channel over its real protocol: SMTP to GreenMail, SMS gateways and the Telegram Bot API on WireMock. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(Gateways.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelsTest {

    /** What notification-service published; the topic is shared, so read by incident. */
    private static final TopicLog notifications = Kafka.topic(Topics.NOTIFICATIONS);

    // a ceiling, not a pause: the first test also waits for the consumer group to form, slow on a loaded machine
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SMSC = "/smsc/sys/send.php";
    private static final String MOBIZON = "/mobizon/service/message/sendsmsmessage";
    private static final String TELEGRAM = "/telegram/bottest-bot-token/sendMessage";
    private static final String KEY = "test-callback-key";
    /** Names a child might have: no page may ever carry one (PageRequested has none to give). */
    private static final List<String> CHILD_NAMES = List.of("Айгерим", "Сапарова", "Aigerim");

    @Inject
    MovableClock clock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void gatewaysAnswer() {
        Gateways.http.resetAll();
        breakers.resetAll(); // a gateway broken by one test is whole again for the next, whatever the breaker's delay
        smscAnswers(okJson("{\"id\":7001,\"cnt\":1}"));
        Gateways.http.stubFor(post(urlPathEqualTo(MOBIZON)).willReturn(okJson(
                "{\"code\":0,\"data\":{\"campaignId\":\"1\",\"messageId\":\"m-9001\",\"status\":1},\"message\":\"\"}")));
        Gateways.http.stubFor(post(urlPathEqualTo(TELEGRAM)).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":42}}")));
        Gateways.http.stubFor(post(urlPathEqualTo("/telegram/bottest-bot-token/answerCallbackQuery"))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    private static void smscAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        Gateways.http.stubFor(post(urlPathEqualTo(SMSC)).willReturn(answer));
    }

    /** Requests to a gateway path for one phone number (digits), as form fields. */
    private static List<Map<String, String>> sms(String path, String field, String phone) {
        return Gateways.http.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(ChannelsTest::form)
                .filter(f -> phone.equals(f.get(field)))
                .toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : ""));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<LoggedRequest> telegramTo(String chat) {
        return Gateways.http.findAll(postRequestedFor(urlPathEqualTo(TELEGRAM))
                .withRequestBody(containing("\"chat_id\":\"" + chat + "\"")));
    }

    private static String mailTo(String address) throws Exception {
        MimeMessage message = Arrays.stream(Gateways.mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        return message.getSubject() + "\n" + message.getContent();
    }

    private static void assertNoChildName(String body) {
        CHILD_NAMES.forEach(name -> assertFalse(body.contains(name), body));
    }

    private static String status(UUID incidentId) {
        return OpsApi.pages(incidentId).getString("[0].status");
    }

    @Test
    @Order(1)
    void emailIsSentOverSmtpInTheRespondersLanguageWithOnlyWhatTheyNeedToKnow() throws Exception {
        String kk = "kk-" + UUID.randomUUID() + "@psc.example";
        String ru = "ru-" + UUID.randomUUID() + "@psc.example";
        PageRequested inKazakh = Dispatch.request(UUID.randomUUID(), Language.KK, new Contact(Channel.EMAIL, kk));
        PageRequested inRussian = Dispatch.request(UUID.randomUUID(), Language.RU, new Contact(Channel.EMAIL, ru));

        await().atMost(WAIT).until(() -> Gateways.mail.getReceivedMessages().length >= 2
                && !notifications.events(inRussian.incidentId(), PageDelivered.class).isEmpty()
                && !notifications.events(inKazakh.incidentId(), PageDelivered.class).isEmpty());
        String kazakh = mailTo(kk);
        assertTrue(kazakh.startsWith("ЖЕДЕЛ шақыру: буллинг, P2, Байқоңыр ауданы\n"), kazakh);
        assertTrue(kazakh.contains("Оқиға: " + inKazakh.incidentId()), kazakh);
        assertTrue(kazakh.matches("(?s).*Қабылдау мерзімі: \\d\\d:15 01\\.03\\.2041.*"), kazakh);
        assertTrue(kazakh.contains("http://notification.test/ack/"), kazakh);
        assertNoChildName(kazakh);

        String russian = mailTo(ru);
        assertTrue(russian.startsWith("ЖЕДЕЛ: буллинг, P2, район Байконур\n"), russian);
        assertTrue(russian.contains("Инцидент: " + inRussian.incidentId()), russian);
        assertTrue(russian.matches("(?s).*Принять до: \\d\\d:15 01\\.03\\.2041.*"), russian);
        assertNoChildName(russian);

        JsonPath pages = OpsApi.pages(inRussian.incidentId());
        assertEquals("DELIVERED", pages.getString("[0].deliveries[0].status"));
        assertEquals("smtp", pages.getString("[0].deliveries[0].provider"));
    }

    @Test
    @Order(2)
    void telegramMessageCarriesButtonsAndAPressFromTheChatAcknowledges() {
        PageRequested request = Dispatch.request(UUID.randomUUID(), Language.RU,
                new Contact(Channel.TELEGRAM, "555001"));
        await().atMost(WAIT).until(() -> telegramTo("555001").size() == 1);
        String sent = telegramTo("555001").get(0).getBodyAsString();
        assertTrue(sent.contains("\"callback_data\":\"ack:" + request.pageId() + "\""), sent);
        assertTrue(sent.contains("\"callback_data\":\"decline:" + request.pageId() + "\""), sent);
        assertTrue(sent.contains("Принимаю") && sent.contains("Инцидент: " + request.incidentId()), sent);
        assertNoChildName(sent);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(request.incidentId())));
        assertEquals("42", OpsApi.pages(request.incidentId()).getString("[0].deliveries[0].providerMessageId"));

        String press = "{\"update_id\":1,\"callback_query\":{\"id\":\"cb-1\",\"from\":{\"id\":%s},"
                + "\"message\":{\"message_id\":42,\"chat\":{\"id\":%s}},\"data\":\"ack:" + request.pageId() + "\"}}";
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                .body(press.formatted("555001", "555001")).when().post("/callbacks/telegram")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "test-telegram-secret")
                .body(press.formatted("999", "999")).when().post("/callbacks/telegram")
                .then().statusCode(200);
        assertEquals("DELIVERED", status(request.incidentId()), "a press from another chat changes nothing");

        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "test-telegram-secret")
                .body(press.formatted("555001", "555001")).when().post("/callbacks/telegram")
                .then().statusCode(200);
        assertEquals("ACKNOWLEDGED", status(request.incidentId()));
        await().atMost(WAIT).until(() -> notifications.events(request.incidentId(), PageAcknowledged.class)
                .size() == 1);
        Gateways.http.verify(postRequestedFor(urlPathEqualTo("/telegram/bottest-bot-token/answerCallbackQuery"))
                .withRequestBody(containing("Вызов принят")));
    }

    @Test
    @Order(3)
    void telegramDeclineButtonDeclines() {
        PageRequested request = Dispatch.request(UUID.randomUUID(), Language.KK,
                new Contact(Channel.TELEGRAM, "555002"));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(request.incidentId())));
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "test-telegram-secret")
                .body("{\"update_id\":2,\"callback_query\":{\"id\":\"cb-2\",\"from\":{\"id\":555002},"
                        + "\"message\":{\"message_id\":42,\"chat\":{\"id\":555002}},\"data\":\"decline:"
                        + request.pageId() + "\"}}")
                .when().post("/callbacks/telegram").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> {
            List<PageDeclined> declined = notifications.events(request.incidentId(), PageDeclined.class);
            assertEquals(1, declined.size());
            assertEquals("DECLINED_BY_TELEGRAM", declined.get(0).reason());
        });
        assertEquals("DECLINED", status(request.incidentId()));
    }

    @Test
    @Order(4)
    void smsIsDeliveredByReceiptAndAcknowledgedByReplyCode() {
        PageRequested request = Dispatch.request(UUID.randomUUID(), Language.KK,
                new Contact(Channel.SMS, "+7 701 555 0101"));
        await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550101").size() == 1);
        Map<String, String> sent = sms(SMSC, "phones", "77015550101").get(0);
        assertEquals("zhedel", sent.get("login"));
        assertEquals("3", sent.get("fmt"));
        String code = OpsApi.pages(request.incidentId()).getString("[0].replyCode");
        assertTrue(sent.get("mes").contains("\"" + code + " 1\" қабылдау"), sent.get("mes"));
        assertTrue(sent.get("mes").contains("Оқиға: " + request.incidentId()), sent.get("mes"));
        assertNoChildName(sent.get("mes"));
        await().atMost(WAIT).until(() -> "SENT".equals(OpsApi.pages(request.incidentId())
                .getString("[0].deliveries[0].status")));
        assertEquals("7001", OpsApi.pages(request.incidentId()).getString("[0].deliveries[0].providerMessageId"));

        given().contentType(ContentType.URLENC).formParam("id", "7001").formParam("status", "1")
                .when().post("/callbacks/sms/smsc/status?key=wrong")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.URLENC).formParam("id", "7001").formParam("phone", "77015550101")
                .formParam("status", "1").when().post("/callbacks/sms/smsc/status?key=" + KEY)
                .then().statusCode(200);
        await().atMost(WAIT).until(() -> notifications.events(request.incidentId(), PageDelivered.class)
                .size() == 1);
        assertEquals("DELIVERED", OpsApi.pages(request.incidentId()).getString("[0].deliveries[0].status"));

        // the right code from another phone is no answer; from the paged phone it acknowledges, once
        reply("smsc", Map.of("phone", "77019999999", "mes", code + " 1"), "UNKNOWN_PAGE");
        assertEquals("DELIVERED", status(request.incidentId()));
        reply("smsc", Map.of("phone", "+77015550101", "mes", code + " 1"), "ANSWERED");
        reply("smsc", Map.of("phone", "+77015550101", "mes", code + " 2"), "UNKNOWN_PAGE");
        assertEquals("ACKNOWLEDGED", status(request.incidentId()));
        await().atMost(WAIT).until(() -> notifications.events(request.incidentId(), PageAcknowledged.class)
                .size() == 1);
    }

    private static void reply(String provider, Map<String, String> fields, String result) {
        given().contentType(ContentType.URLENC).formParams(fields)
                .when().post("/callbacks/sms/" + provider + "/inbound?key=" + KEY)
                .then().statusCode(200).body("result", equalTo(result));
    }

    @Test
    @Order(5)
    void aFailedReceiptPagesTheBackupAtOnceAndAnSmsReplyDeclines() throws Exception {
        smscAnswers(okJson("{\"id\":7005,\"cnt\":1}"));
        String mail = "backup-" + UUID.randomUUID() + "@psc.example";
        PageRequested request = Dispatch.request(UUID.randomUUID(), Language.RU,
                new Contact(Channel.SMS, "+7 701 555 0105"), new Contact(Channel.EMAIL, mail));
        await().atMost(WAIT).until(() -> "SENT".equals(OpsApi.pages(request.incidentId())
                .getString("[0].deliveries[0].status")));
        assertEquals("PENDING", OpsApi.pages(request.incidentId()).getString("[0].deliveries[1].status"));

        given().contentType(ContentType.URLENC).formParam("id", "7005").formParam("status", "20")
                .formParam("err", "1").when().post("/callbacks/sms/smsc/status?key=" + KEY).then().statusCode(200);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(OpsApi.pages(request.incidentId())
                .getString("[0].deliveries[1].status")));
        assertEquals("FAILED", OpsApi.pages(request.incidentId()).getString("[0].deliveries[0].status"));
        assertTrue(mailTo(mail).contains("Инцидент: " + request.incidentId()));

        String code = OpsApi.pages(request.incidentId()).getString("[0].replyCode");
        reply("mobizon", Map.of("from", "77015550105", "text", " " + code + " 2 "), "ANSWERED");
        await().atMost(WAIT).untilAsserted(() -> assertEquals("DECLINED_BY_SMS",
                notifications.events(request.incidentId(), PageDeclined.class).get(0).reason()));
    }

    @Test
    @Order(6)
    void voiceCallsReadThePageWithoutLinks() {
        Dispatch.request(UUID.randomUUID(), Language.RU, new Contact(Channel.VOICE, "+7 701 555 0177"));
        await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550177").size() == 1);
        Map<String, String> call = sms(SMSC, "phones", "77015550177").get(0);
        assertEquals("1", call.get("call"));
        assertTrue(call.get("mes").startsWith("Срочный вызов. буллинг, P2, район Байконур."), call.get("mes"));
        assertFalse(call.get("mes").contains("http"), call.get("mes"));
    }

    @Test
    @Order(7)
    void aTimedStepWaitsForItsDelayAndStopsWhenDispatchReportsTheAcknowledgement() {
        PageRequested first = Dispatch.request(UUID.randomUUID(), Language.KK,
                new Contact(Channel.TELEGRAM, "555007"),
                new Contact(Channel.SMS, "+7 701 555 0107", Duration.ofMinutes(1)));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(first.incidentId())));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> sms(SMSC, "phones", "77015550107").isEmpty());
        assertEquals(60, OpsApi.pages(first.incidentId()).getInt("[0].deliveries[1].delay"));

        clock.advance(Duration.ofSeconds(61));
        await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550107").size() == 1);

        // the same rules on another page, acknowledged through dispatch before the SMS step is due
        PageRequested second = Dispatch.request(UUID.randomUUID(), Language.KK,
                new Contact(Channel.TELEGRAM, "555008"),
                new Contact(Channel.SMS, "+7 701 555 0108", Duration.ofMinutes(1)));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(second.incidentId())));
        AssignmentAcknowledged elsewhere = new AssignmentAcknowledged(second.incidentId(), second.assignmentId(),
                second.responderId(), Instant.now(), null);
        String ceId = UUID.randomUUID().toString();
        Kafka.send(CloudEventRecords.of(elsewhere, ceId), CloudEventRecords.of(elsewhere, ceId));
        await().atMost(WAIT).until(() -> "ACKNOWLEDGED".equals(status(second.incidentId())));
        assertEquals("CANCELLED", OpsApi.pages(second.incidentId()).getString("[0].deliveries[1].status"));
        clock.advance(Duration.ofSeconds(61));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> sms(SMSC, "phones", "77015550108").isEmpty());
        assertTrue(notifications.events(second.incidentId(), PageAcknowledged.class).isEmpty(),
                "dispatch already knows: nothing to announce");
    }

    @Test
    @Order(8)
    void aFloodOfPagesToOneResponderIsHeldAndSentAsOneBundledMessage() {
        UUID responder = UUID.randomUUID();
        List<PageRequested> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flood.add(Dispatch.request(responder, Language.KK, Severity.P3, null,
                    new Contact(Channel.SMS, "+7 701 555 0199")));
        }
        // two messages in the window; every other page is held
        await().atMost(WAIT).until(() -> flood.stream().allMatch(p -> {
            JsonPath page = OpsApi.pages(p.incidentId());
            return "SENT".equals(page.getString("[0].deliveries[0].status"))
                    || page.getBoolean("[0].deliveries[0].held");
        }));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> sms(SMSC, "phones", "77015550199").size() == 2);

        clock.advance(Duration.ofMinutes(61));
        await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550199").size() == 3);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> sms(SMSC, "phones", "77015550199").size() == 3);
        String bundle = sms(SMSC, "phones", "77015550199").get(2).get("mes");
        assertTrue(bundle.matches("(?s)ЖЕДЕЛ: \\d жаңа шақыру.*"), bundle);
        String all = sms(SMSC, "phones", "77015550199").stream().map(m -> m.get("mes"))
                .collect(Collectors.joining("\n"));
        flood.forEach(p -> assertTrue(all.contains(p.incidentId().toString()), "every page reached the phone"));
        await().atMost(WAIT).until(() -> flood.stream()
                .allMatch(p -> "SENT".equals(OpsApi.pages(p.incidentId()).getString("[0].deliveries[0].status"))));
    }

    @Test
    @Order(8)
    void anUrgentPageLeavesAtOnceWhateverTheRateLimit() {
        UUID responder = UUID.randomUUID();
        List<PageRequested> routine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // one after the other, each sent or held before the next arrives (pages claimed in one sweep all leave)
            PageRequested page = Dispatch.request(responder, Language.RU, Severity.P3, null,
                    new Contact(Channel.SMS, "+7 701 555 0188"));
            routine.add(page);
            await().atMost(WAIT).until(() -> {
                JsonPath delivery = OpsApi.pages(page.incidentId());
                return "SENT".equals(delivery.getString("[0].deliveries[0].status"))
                        || Boolean.TRUE.equals(delivery.get("[0].deliveries[0].held"));
            });
        }
        // the window's two messages are used up and the third routine page is held
        await().atMost(WAIT).until(() -> routine.stream().filter(p -> OpsApi.pages(p.incidentId())
                .getBoolean("[0].deliveries[0].held")).count() == 1);
        await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550188").size() == 2);

        for (Severity urgent : List.of(Severity.P1, Severity.P2)) {
            PageRequested page = Dispatch.request(responder, Language.RU, urgent, null,
                    new Contact(Channel.SMS, "+7 701 555 0188"));
            await().atMost(WAIT).until(() -> sms(SMSC, "phones", "77015550188").stream()
                    .anyMatch(m -> m.get("mes").contains(page.incidentId().toString())));
        }
        List<Map<String, String>> sent = sms(SMSC, "phones", "77015550188");
        assertEquals(4, sent.size(), "each urgent page on its own, the routine one still held");
        assertTrue(sent.get(2).get("mes").startsWith("ЖЕДЕЛ: срочный вызов"), sent.get(2).get("mes"));
    }

    @Test
    @Order(9)
    void aGatewayThatIsDownFailsOverAndItsCircuitOpens() {
        smscAnswers(aResponse().withStatus(503));
        List<Integer> smscCalls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            PageRequested request = Dispatch.request(UUID.randomUUID(), Language.KK,
                    new Contact(Channel.SMS, "+7 701 555 02" + (10 + i)));
            await().atMost(WAIT).until(() -> "SENT".equals(OpsApi.pages(request.incidentId())
                    .getString("[0].deliveries[0].status")));
            JsonPath page = OpsApi.pages(request.incidentId());
            assertEquals("mobizon", page.getString("[0].deliveries[0].provider"));
            assertEquals("m-9001", page.getString("[0].deliveries[0].providerMessageId"));
            assertEquals(1, page.getInt("[0].deliveries[0].attempts"), "failed over within the one try");
            smscCalls.add(Gateways.http.findAll(postRequestedFor(urlPathEqualTo(SMSC))).size());
        }
        assertEquals(6, Gateways.http.findAll(postRequestedFor(urlPathEqualTo(MOBIZON))).size());
        // the breaker's window holds the last 4 calls: at most 4 failures open it, after that SMSC is not asked
        // (for its 30 s delay, longer than this test however loaded the machine)
        assertTrue(smscCalls.get(5) <= 4, smscCalls.toString());
        assertEquals(smscCalls.get(3), smscCalls.get(5), "the breaker is open: " + smscCalls);
    }
}
