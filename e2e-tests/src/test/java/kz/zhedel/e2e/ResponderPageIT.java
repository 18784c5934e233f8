package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import kz.zhedel.testing.Browser;

/**
 * A report through intake pages a psychologist, who opens the link on a phone and acknowledges, reports on scene
 * and resolved through the page's buttons: each step reaches dispatch and shows in the partner's timeline.
 */
class ResponderPageIT extends OnePager {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String text(ChromeDriver driver) {
        return driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
    }

    @Test
    void theRespondersStepsOnThePhoneReachDispatchAndTheTimeline() {
        api.onShift("Aruzhan Psychologist", "PSYCHOLOGIST", "SARYARKA",
                List.of(Map.of("channel", "WEBHOOK", "address", pager.url())));
        String incidentId = api.report("BULLYING", "P3", "SARYARKA");
        await().atMost(WAIT).until(() -> pager.pagesFor(incidentId).size() == 1);
        String link = pager.pagesFor(incidentId).get(0).get("ackUrl").asText();

        try (Browser browser = Browser.start(Browser.PHONE, "ru")) {
            ChromeDriver driver = browser.driver();
            driver.get(link);
            assertTrue(text(driver).contains("буллинг") && text(driver).contains("район Сарыарка")
                    && text(driver).contains("психолог"), text(driver));
            String source = driver.getPageSource();
            for (String secret : List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE, Api.SUMMARY)) {
                assertFalse(source.contains(secret), "the page must not show " + secret);
            }
            browser.screenshot("e2e-responder-1-page");

            driver.findElement(By.cssSelector("button.acknowledge")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("Вызов принят"));
            browser.screenshot("e2e-responder-2-acknowledged");
            await().atMost(WAIT).until(() -> api.incident(incidentId).getList("timeline.status")
                    .contains("ACKNOWLEDGED"));

            driver.findElement(By.cssSelector("button.on-scene")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("вы на месте"));
            browser.screenshot("e2e-responder-3-on-scene");
            await().atMost(WAIT).until(() -> api.incident(incidentId).getList("timeline.status")
                    .contains("ON_SCENE"));
            assertEquals("ON_SCENE", api.dispatchIncident(incidentId).getString("assignments[0].status"));

            driver.findElement(By.cssSelector("button.resolved")).click();
            await().atMost(WAIT).until(() -> text(driver).contains("работы по этому случаю завершена"));
            browser.screenshot("e2e-responder-4-resolved");
            await().atMost(WAIT).until(() -> api.incident(incidentId).getList("timeline.status")
                    .contains("ROLE_RESOLVED"));
            assertEquals("RESOLVED", api.dispatchIncident(incidentId).getString("assignments[0].status"));

            // the link ended with the assignment: nothing is offered any more
            driver.get(link);
            assertTrue(driver.findElements(By.tagName("form")).isEmpty(), text(driver));
        }
        List<String> timeline = api.incident(incidentId).getList("timeline.status");
        assertTrue(timeline.indexOf("ACKNOWLEDGED") < timeline.indexOf("ON_SCENE")
                && timeline.indexOf("ON_SCENE") < timeline.indexOf("ROLE_RESOLVED"), timeline.toString());
        assertEquals(1, pager.pagesFor(incidentId).size(), "paged exactly once");
    }
}
