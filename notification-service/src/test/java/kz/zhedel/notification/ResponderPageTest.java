package kz.zhedel.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.AssignmentProgressed.Stage;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.Topics;
import kz.zhedel.notification.service.AckTokens;
import kz.zhedel.testing.Browser;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/**
 * The responder's page in a real browser at a phone's size: the assignment and the team in the responder's
 * language, and acknowledge, on scene, resolved through its buttons, each reaching dispatch as an event once.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ResponderPageTest {

    /** What notification-service published; the topic is shared, so read by incident. */
    private static final TopicLog notifications = Kafka.topic(Topics.NOTIFICATIONS);

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final PagerReceiver pager = new PagerReceiver();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AckTokens tokens;

    /**
     * A P1 for a psychologist whose team also has an inspector who acknowledged and a prosecutor nobody covers, about
     * a child with two earlier incidents; returns the link's path.
     */
    private String pagedPsychologist(PageRequested request, String path) {
        UUID inspector = UUID.randomUUID();
        Instant now = Instant.now();
        Kafka.send(CloudEventRecords.of(new IncidentDispatched(request.incidentId(), inspector, UUID.randomUUID(),
                ResponderRole.JUVENILE_INSPECTOR, "on call", now, null)),
                CloudEventRecords.of(new AssignmentAcknowledged(request.incidentId(), inspector, UUID.randomUUID(),
                        now, null)),
                CloudEventRecords.of(new IncidentUnassigned(request.incidentId(), ResponderRole.PROSECUTOR,
                        "nobody on call", now)),
                CloudEventRecords.of(new IncidentDispatched(request.incidentId(), request.assignmentId(),
                        request.responderId(), ResponderRole.PSYCHOLOGIST, "on call", now, null)),
                CloudEventRecords.of(request));
        return pager.deliveredLink(path, request.incidentId());
    }

    private static PageRequested request(String path, Instant deadline) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Category.PHYSICAL_ABUSE, Severity.P1, District.BAIKONUR, Language.KK, Language.KK,
                List.of(new Contact(Channel.WEBHOOK, pager.url(path))), Instant.now(), deadline, null,
                ResponderRole.PSYCHOLOGIST, 2);
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** What the phone shows, on one line. */
    private static String text(ChromeDriver driver) {
        return driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
    }


    @AfterAll
    static void stopPager() {
        pager.close();
    }

    @Test
    void acknowledgeOnSceneAndResolvedThroughTheButtonsReachDispatchOnceEach() {
        PageRequested request = request("/pager/browser-steps", Instant.now().plus(Duration.ofMinutes(15)));
        String link = pagedPsychologist(request, "/pager/browser-steps");

        try (Browser browser = Browser.start(Browser.PHONE, "kk")) {
            ChromeDriver driver = browser.driver();
            driver.get(url(link));
            String page = text(driver);
            assertTrue(page.contains("Жедел шақыру") && page.contains("физикалық зорлық")
                    && page.contains("P1") && page.contains("өмірге не денсаулыққа қауіп")
                    && page.contains("Байқоңыр ауданы") && page.contains("психолог"), page);
            assertTrue(page.contains("мин қалды"), "how long remains: " + page);
            assertTrue(page.contains("кәмелетке толмағандар ісі жөніндегі инспектор қабылдады")
                    && page.contains("прокурор әлі тағайындалмаған"), "the team: " + page);
            assertTrue(page.contains("Осы бала туралы бұрынғы өтініштер 2 "), "the linked count: " + page);
            assertFalse(driver.getPageSource().contains("PHYSICAL_ABUSE"), "no raw names on screen");
            assertEquals("rgba(11, 122, 75, 1)", driver.findElement(By.cssSelector("button.acknowledge"))
                    .getCssValue("background-color"), "the service's own style sheet, under the link's path");
            browser.screenshot("responder-1-page");

            // the same page, still open in a second tab: its Acknowledge will be a reused step
            String first = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.TAB).get(url(link));
            String stale = driver.getWindowHandle();
            driver.switchTo().window(first);

            driver.findElement(By.cssSelector("button.acknowledge")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("Шақыру қабылданды"));
            assertEquals(1, notifications.events(request.incidentId(), PageAcknowledged.class).size());
            assertTrue(driver.findElements(By.cssSelector("button.acknowledge")).isEmpty());
            browser.screenshot("responder-2-acknowledged");

            driver.findElement(By.cssSelector("button.on-scene")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("сіз орныңыздасыз"));
            await().atMost(WAIT).until(() -> stages(request).equals(List.of(PageProgressed.Stage.ON_SCENE)));
            browser.screenshot("responder-3-on-scene");

            driver.findElement(By.cssSelector("button.resolved")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("сіздің бөлігіңіз аяқталды"));
            await().atMost(WAIT).until(() -> stages(request).equals(
                    List.of(PageProgressed.Stage.ON_SCENE, PageProgressed.Stage.RESOLVED)));
            assertTrue(driver.findElements(By.tagName("form")).isEmpty(), "nothing more to do");
            browser.screenshot("responder-4-resolved");

            driver.switchTo().window(stale);
            driver.findElement(By.cssSelector("button.acknowledge")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("Бұл қадам бұрын жасалған"));
            browser.screenshot("responder-5-reused");
        }
        PageProgressed resolved = notifications.events(request.incidentId(), PageProgressed.class).get(1);
        assertEquals(new PageProgressed(request.incidentId(), request.pageId(), request.assignmentId(),
                request.responderId(), PageProgressed.Stage.RESOLVED, resolved.at()), resolved);
        assertEquals(1, notifications.events(request.incidentId(), PageAcknowledged.class).size(),
                "the reused step announced nothing");
    }

    private static List<PageProgressed.Stage> stages(PageRequested request) {
        return notifications.events(request.incidentId(), PageProgressed.class).stream()
                .map(PageProgressed::stage).toList();
    }

    @Test
    void theStyleSheetIsServedUnderTheLinksPath() {
        given().when().get("/ack/static/responder.css")
                .then().statusCode(200).contentType(startsWith("text/css")).body(containsString("button"));
    }

    @Test
    void anExpiredLinkAndAnEndedAssignmentSaySoClearly() {
        PageRequested request = request("/pager/browser-ended", Instant.now().plus(Duration.ofMinutes(15)));
        String link = pagedPsychologist(request, "/pager/browser-ended");
        String expired = "/ack/" + tokens.issue(request.pageId(), Instant.now().minusSeconds(60));
        given().accept(ContentType.JSON).when().post(link).then().statusCode(200);

        try (Browser browser = Browser.start(Browser.PHONE, "ru")) {
            ChromeDriver driver = browser.driver();
            driver.get(url(expired));
            assertTrue(text(driver).contains("Срок действия ссылки истёк"), text(driver));
            assertTrue(driver.findElements(By.tagName("form")).isEmpty());
            browser.screenshot("responder-expired");

            // the coordinator handed the assignment on after the acknowledgement: the link ends
            Kafka.send(CloudEventRecords.of(new AssignmentProgressed(request.incidentId(),
                    request.assignmentId(), request.responderId(), ResponderRole.PSYCHOLOGIST, Stage.HANDED_ON,
                    Instant.now(), new Actor("duty-anna", "coordinator"))));
            await().atMost(WAIT).untilAsserted(() -> {
                driver.get(url(link));
                assertTrue(text(driver).contains("Этот вызов больше не действует"), text(driver));
            });
            assertTrue(driver.findElements(By.tagName("form")).isEmpty());
            browser.screenshot("responder-ended");
        }
        given().accept(ContentType.JSON).when().post(link + "/on-scene")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("has ended"));
        given().accept(ContentType.JSON).when().post(expired + "/on-scene").then().statusCode(410);
        assertTrue(stages(request).isEmpty());
    }

    @Test
    void thePageSpeaksThePhonesLanguageAndShowsNoChildData() {
        PageRequested request = request("/pager/browser-languages", Instant.now().minus(Duration.ofMinutes(3)));
        String link = pagedPsychologist(request, "/pager/browser-languages");
        record Expected(String languages, String title, String category, String overdue) {
        }
        for (Expected expected : List.of(new Expected("ru-RU,ru", "Срочный вызов", "физическое насилие",
                "просрочено на 3 мин"), new Expected("en-US,en", "Urgent page", "physical abuse", "3 min overdue"),
                new Expected("kk-KZ,kk", "Жедел шақыру", "физикалық зорлық", "3 мин кешікті"))) {
            try (Browser browser = Browser.start(Browser.PHONE, expected.languages())) {
                ChromeDriver driver = browser.driver();
                driver.get(url(link));
                String page = text(driver);
                assertTrue(page.contains(expected.title()) && page.contains(expected.category())
                        && page.contains(expected.overdue()), page);
                String source = driver.getPageSource();
                for (String personal : List.of("summary", "reporter", "firstName", "lastName", "birthDate")) {
                    assertFalse(source.contains(personal), personal + " in " + source);
                }
                browser.screenshot("responder-" + expected.languages().substring(0, 2));
            }
        }
    }

    @Test
    void stepsThroughTheApiAreOnceAndInOrderAndAStepTakenInDispatchShowsOnThePage() {
        PageRequested request = request("/pager/api-steps", Instant.now().plus(Duration.ofMinutes(15)));
        String link = pagedPsychologist(request, "/pager/api-steps");

        given().accept(ContentType.JSON).when().post(link + "/on-scene")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("not its next one"));
        given().accept(ContentType.JSON).when().post(link).then().statusCode(200).body("progress",
                equalTo("ACKNOWLEDGED"));
        // the responder reported on scene through dispatch's API: the page follows and offers resolved
        Kafka.send(CloudEventRecords.of(new AssignmentProgressed(request.incidentId(), request.assignmentId(),
                request.responderId(), ResponderRole.PSYCHOLOGIST, Stage.ON_SCENE, Instant.now(),
                new Actor(request.responderId().toString(), "responder"))));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("lang", "en").when().get(link)
                .then().statusCode(200).body(allOf(containsString("/resolved?lang=en"),
                        not(containsString("/on-scene?lang=en")))));
        given().accept(ContentType.JSON).when().post(link + "/on-scene").then().statusCode(409);
        given().accept(ContentType.JSON).when().post(link + "/resolved")
                .then().statusCode(200).body("progress", equalTo("RESOLVED"));
        given().accept(ContentType.JSON).when().post(link + "/resolved").then().statusCode(409);
        await().atMost(WAIT).until(() -> stages(request).equals(List.of(PageProgressed.Stage.RESOLVED)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> stages(request).size() == 1);
    }
}
