package kz.zhedel.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.notification.service.AckTokens;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AcknowledgementTest {

    /** What notification-service published; the topic is shared, so read by incident. */
    private static final TopicLog notifications = Kafka.topic(Topics.NOTIFICATIONS);

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final PagerReceiver pager = new PagerReceiver();

    @Inject
    AckTokens tokens;

    @AfterAll
    static void stopPager() {
        pager.close();
    }

    @Test
    void linkAcknowledgesOnceAndOnlyOnce() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/once")));
        String link = pager.deliveredLink("/pager/once", request.incidentId());

        given().accept(ContentType.JSON).when().post(link)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("pageId", equalTo(request.pageId().toString()))
                .body("incidentId", equalTo(request.incidentId().toString()))
                .body("status", equalTo("ACKNOWLEDGED"));
        await().atMost(WAIT).untilAsserted(() -> {
            List<PageAcknowledged> acks = notifications.events(request.incidentId(), PageAcknowledged.class);
            assertEquals(1, acks.size());
            assertEquals(request.pageId(), acks.get(0).pageId());
            assertEquals(request.assignmentId(), acks.get(0).assignmentId());
            assertEquals(request.responderId(), acks.get(0).responderId());
        });

        given().accept(ContentType.JSON).when().post(link)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("already acknowledged"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> notifications.events(request.incidentId(), PageAcknowledged.class).size() == 1);
        assertEquals("ACKNOWLEDGED", OpsApi.pages(request.incidentId()).getString("[0].status"));
    }

    @Test
    void aRepageOfAnAcknowledgedAssignmentPagesNobodyAndRepeatsTheAcknowledgement() {
        PageRequested first = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/repaged")));
        given().accept(ContentType.JSON).when().post(pager.deliveredLink("/pager/repaged", first.incidentId()))
                .then().statusCode(200);
        PageAcknowledged acknowledged = await().atMost(WAIT).until(
                () -> notifications.events(first.incidentId(), PageAcknowledged.class), acks -> acks.size() == 1)
                .get(0);

        // dispatch's deadline fired before the acknowledgement reached it: the same assignment, a new page
        PageRequested repage = new PageRequested(first.incidentId(), UUID.randomUUID(), first.assignmentId(),
                first.responderId(), first.category(), first.severity(), first.district(), first.language(),
                first.responderLanguage(), first.contacts(), Instant.now(), first.ackDeadline(), null);
        Kafka.send(CloudEventRecords.of(repage));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(repage.pageId()),
                notifications.events(first.incidentId(), PageAcknowledged.class).stream()
                        .map(PageAcknowledged::pageId).filter(repage.pageId()::equals).toList()));
        PageAcknowledged again = notifications.events(first.incidentId(), PageAcknowledged.class).get(1);
        assertEquals(acknowledged.acknowledgedAt(), again.acknowledgedAt(), "the time the responder answered");
        assertEquals(1, pager.at("/pager/repaged").size(), "nobody is paged again");
        assertEquals("ACKNOWLEDGED", OpsApi.pages(first.incidentId()).getString("[1].status"));
    }

    @Test
    void aPageOfAnAssignmentHandedOnIsWithdrawnAndItsLinkSaysSo() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/withdrawn")),
                new Contact(Channel.WEBHOOK, pager.url("/pager/withdrawn-later"), Duration.ofHours(1)));
        String link = pager.deliveredLink("/pager/withdrawn", request.incidentId());

        Kafka.send(CloudEventRecords.of(new AssignmentEscalated(request.incidentId(), request.assignmentId(),
                request.responderId(), ResponderRole.PSYCHOLOGIST, 2, AssignmentEscalated.Step.REASSIGNED,
                Instant.now(), null)));
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(OpsApi.pages(request.incidentId())
                .getString("[0].status")));
        assertEquals("CANCELLED", OpsApi.pages(request.incidentId()).getString("[0].deliveries[1].status"));

        given().accept(ContentType.JSON).when().post(link)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("already withdrawn"));
        given().header("Accept-Language", "ru").when().get(link)
                .then().statusCode(200)
                .body(allOf(containsString("больше не действует"), not(containsString("<button"))));
        assertTrue(notifications.events(request.incidentId(), PageAcknowledged.class).isEmpty());
    }

    @Test
    void pagesOfAnIncidentTheCoordinatorCancelledOrAnAssignmentTheyHandedOnAreWithdrawn() {
        Actor coordinator = new Actor("duty-anna", "coordinator");
        for (Stage stage : List.of(Stage.CANCELLED, Stage.HANDED_ON)) {
            String path = "/pager/coordinator-" + stage;
            PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url(path)),
                    new Contact(Channel.WEBHOOK, pager.url(path + "-later"), Duration.ofHours(1)));
            String link = pager.deliveredLink(path, request.incidentId());

            Kafka.send(CloudEventRecords.of(new AssignmentProgressed(request.incidentId(),
                    request.assignmentId(), request.responderId(), ResponderRole.PSYCHOLOGIST, stage, Instant.now(),
                    coordinator)));
            await().atMost(WAIT).until(() -> "WITHDRAWN".equals(OpsApi.pages(request.incidentId())
                    .getString("[0].status")));
            assertEquals("CANCELLED", OpsApi.pages(request.incidentId()).getString("[0].deliveries[1].status"),
                    "the later contact of a " + stage + " assignment is not paged");
            given().accept(ContentType.JSON).when().post(link).then().statusCode(409);
            assertTrue(notifications.events(request.incidentId(), PageAcknowledged.class).isEmpty());
        }
    }

    @Test
    void aPagerAnsweringBeforeItsDeliveryIsRecordedStillCountsAsDelivered() {
        // an automated pager gateway that acknowledges within the very request that brought the page
        pager.beforeAnswering("/pager/instant", page -> given().accept(ContentType.JSON)
                .post(page.link()).then().statusCode(200));
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/instant")),
                new Contact(Channel.WEBHOOK, pager.url("/pager/instant-backup")));

        await().atMost(WAIT).until(() -> notifications.events(request.incidentId(), PageDelivered.class).size() == 1);
        assertEquals(1, notifications.events(request.incidentId(), PageAcknowledged.class).size());
        JsonPath page = OpsApi.pages(request.incidentId());
        assertEquals("ACKNOWLEDGED", page.getString("[0].status"));
        assertEquals(List.of("DELIVERED", "CANCELLED"), page.getList("[0].deliveries.status"));
        assertTrue(pager.at("/pager/instant-backup").isEmpty());
    }

    @Test
    void linkOpensAPageWithAnAcknowledgeButton() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/show")));
        String link = pager.deliveredLink("/pager/show", request.incidentId());
        String token = link.substring("/ack/".length());

        given().when().get(link)
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(allOf(containsString("<html lang=\"kk\">"),
                        containsString("<form method=\"post\" action=\"" + token + "?lang=kk\">"),
                        containsString("<button"), containsString("Қабылдаймын"),
                        containsString(request.incidentId().toString()), containsString("буллинг"),
                        containsString("P2"), containsString("Байқоңыр ауданы"), not(containsString("BULLYING")),
                        not(containsString("BAIKONUR")), not(containsString("style="))));
        given().header("Accept-Language", "ru-RU,ru;q=0.9").when().get(link)
                .then().statusCode(200).body(allOf(containsString("Принимаю"), containsString("район Байконур")));
        given().queryParam("lang", "en").when().get(link)
                .then().statusCode(200).body(allOf(containsString("Acknowledge"), containsString("bullying")));
        assertEquals("DELIVERED", OpsApi.pages(request.incidentId()).getString("[0].status"), "a GET changes nothing");
    }

    @Test
    void linkDeclinesOnceAndThenNeitherAnswerChangesAnything() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/decline")));
        String link = pager.deliveredLink("/pager/decline", request.incidentId());
        String token = link.substring("/ack/".length());

        given().when().get(link)
                .then().statusCode(200)
                .body(allOf(containsString("Бас тартамын"), containsString("action=\"" + token + "/decline?lang=kk\"")));
        given().accept(ContentType.JSON).when().post(link + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        await().atMost(WAIT).untilAsserted(() -> {
            List<PageDeclined> declines = notifications.events(request.incidentId(), PageDeclined.class);
            assertEquals(1, declines.size());
            assertEquals(new PageDeclined(request.incidentId(), request.pageId(), request.assignmentId(),
                    request.responderId(), "DECLINED_BY_LINK", declines.get(0).declinedAt()), declines.get(0));
        });

        given().accept(ContentType.JSON).when().post(link)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("already declined"));
        given().accept(ContentType.JSON).when().post(link + "/decline").then().statusCode(409);
        String expired = "/ack/" + tokens.issue(request.pageId(), Instant.now().minusSeconds(60));
        given().accept(ContentType.JSON).when().post(expired + "/decline")
                .then().statusCode(410).contentType(startsWith("application/problem+json"));
        assertEquals("DECLINED", OpsApi.pages(request.incidentId()).getString("[0].status"));
        assertTrue(notifications.events(request.incidentId(), PageAcknowledged.class).isEmpty());
        assertEquals(1, notifications.events(request.incidentId(), PageDeclined.class).size());
    }

    @Test
    void browserFormPostIsRedirectedToThePageThatThanks() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/form")));
        String link = pager.deliveredLink("/pager/form", request.incidentId());
        String token = link.substring("/ack/".length());

        given().redirects().follow(false).contentType(ContentType.URLENC).accept(ContentType.HTML)
                .when().post(link + "?lang=kk")
                .then().statusCode(303).header("Location", endsWith(link + "?lang=kk"));
        given().when().get(link + "?lang=kk")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("Рахмет"), containsString("action=\"" + token + "/on-scene?lang=kk\""),
                        not(containsString("action=\"" + token + "?lang=kk\""))));
        given().redirects().follow(false).contentType(ContentType.URLENC).when().post(link)
                .then().statusCode(409).contentType(startsWith("text/html"))
                .body(allOf(containsString("бұрын жасалған"), not(containsString("action=\"" + token + "?"))));
    }

    @Test
    void alteredLinkIsNotFound() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/tampered")));
        String link = pager.deliveredLink("/pager/tampered", request.incidentId());
        String token = link.substring("/ack/".length());
        int dot = token.indexOf('.');
        // a changed page id or expiry, a changed signature (mid-string: the last character carries padding bits),
        // another page's id under this page's signature, and things that are no token at all
        String payloadChanged = "/ack/" + flip(token, 3);
        String signatureChanged = "/ack/" + flip(token, dot + 10);
        String swapped = "/ack/" + tokens.issue(UUID.randomUUID(), Instant.now().plusSeconds(600)).substring(0, dot)
                + token.substring(dot);

        for (String bad : List.of(payloadChanged, signatureChanged, swapped, "/ack/not-a-token", "/ack/x.y")) {
            given().accept(ContentType.JSON).when().post(bad)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().when().get(bad)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        given().accept(ContentType.HTML).when().get(signatureChanged)
                .then().statusCode(404).contentType(startsWith("text/html"));
        // correctly signed, but for a page this service never had
        String unknownPage = "/ack/" + tokens.issue(UUID.randomUUID(), Instant.now().plusSeconds(600));
        given().accept(ContentType.JSON).when().post(unknownPage)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        assertEquals("DELIVERED", OpsApi.pages(request.incidentId()).getString("[0].status"));
        assertTrue(notifications.events(request.incidentId(), PageAcknowledged.class).isEmpty());
    }

    private static String flip(String token, int at) {
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'Q' ? 'R' : 'Q') + token.substring(at + 1);
    }

    @Test
    void expiredLinkIsGone() {
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/expired")));
        pager.deliveredLink("/pager/expired", request.incidentId());
        String expired = "/ack/" + tokens.issue(request.pageId(), Instant.now().minusSeconds(60));

        given().accept(ContentType.JSON).when().post(expired)
                .then().statusCode(410).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("expired"));
        given().when().get(expired).then().statusCode(410);
        assertEquals("DELIVERED", OpsApi.pages(request.incidentId()).getString("[0].status"));
        assertTrue(notifications.events(request.incidentId(), PageAcknowledged.class).isEmpty());
    }

    @Test
    void acknowledgementStopsTheRemainingDeliveries() {
        pager.script("/pager/busy", 503);
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/busy")),
                new Contact(Channel.WEBHOOK, pager.url("/pager/reserve")));
        // the receiver answers 503 but the responder saw the page: the link in it still works
        await().atMost(WAIT).until(() -> !pager.at("/pager/busy").isEmpty());
        String link = pager.at("/pager/busy").get(0).link();

        given().accept(ContentType.JSON).when().post(link).then().statusCode(200);

        int triesAtAck = pager.at("/pager/busy").size();
        // a try that was already on its way may still arrive; nothing after it
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> pager.at("/pager/busy").size() <= triesAtAck + 1 && pager.at("/pager/reserve").isEmpty());
        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("ACKNOWLEDGED", pages.getString("[0].status"));
        assertEquals(List.of("CANCELLED", "CANCELLED"), pages.getList("[0].deliveries.status"));
        assertTrue(notifications.events(request.incidentId(), PageFailed.class).isEmpty());
    }
}
