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

    /**
     * The responder presses the page's button (by its class): the page says {@code shows}, is screenshot, and the
     * partner's timeline of the incident reaches {@code status}.
     */
    private static void press(Browser browser, String button, String shows, String screenshot, String incidentId,
            String status) {
        ChromeDriver driver = browser.driver();
        driver.findElement(By.cssSelector("button." + button)).click();
        await().atMost(WAIT).until(() -> text(driver).contains(shows));
        browser.screenshot(screenshot);
        await().atMost(WAIT).until(() -> api.incident(incidentId).getList("timeline.status").contains(status));
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

            press(browser, "acknowledge", "Вызов принят", "e2e-responder-2-acknowledged", incidentId, "ACKNOWLEDGED");
            press(browser, "on-scene", "вы на месте", "e2e-responder-3-on-scene", incidentId, "ON_SCENE");
            assertEquals("ON_SCENE", api.dispatchIncident(incidentId).getString("assignments[0].status"));
            press(browser, "resolved", "работы по этому случаю завершена", "e2e-responder-4-resolved", incidentId,
                    "ROLE_RESOLVED");
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
