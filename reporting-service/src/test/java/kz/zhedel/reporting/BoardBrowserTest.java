package kz.zhedel.reporting;

import static kz.zhedel.reporting.BoardTest.paged;
import static kz.zhedel.reporting.BoardTest.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import kz.zhedel.events.Severity;
import kz.zhedel.testing.Browser;
import kz.zhedel.testing.RealInfrastructure;

/**
 * The ops board in headless Chromium (a laptop's viewport): signing in with a one-time link, an incident appearing
 * without a reload, the red countdown of an overdue P1, no child data in the page, the refusals, the language switch
 * and an action reaching dispatch. Screenshots under target/screenshots/.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(DispatchStandIn.class)
class BoardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private String link(String role, String subject) {
        return root + "login?t=" + BoardLinks.token(role, subject);
    }

    private static WebDriverWait waiting(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    @Test
    void anIncidentAppearsLiveAndAnOverdueP1CountsDownInRed() {
        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            String link = link("coordinator", "duty-1");
            browser.driver().get(link);
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "duty-1"));
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("open-count")));
            browser.driver().executeScript("window.notReloaded = true");

            UUID incident = reported(Severity.P1, 3);
            paged(incident, Severity.P1, Instant.now().minus(Duration.ofMinutes(1)));
            By row = By.cssSelector("tr[data-incident='" + incident + "']");
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(row));
            // live reloads replace the row, so the countdown is looked up afresh on every try
            By countdown = By.cssSelector("tr[data-incident='" + incident + "'] time.countdown.passed");
            waiting(browser).ignoring(StaleElementReferenceException.class).until(d -> {
                WebElement time = d.findElement(countdown);
                return time.getText().startsWith("−") && "rgba(207, 34, 46, 1)".equals(time.getCssValue("color"));
            });
            assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.notReloaded === true"),
                    "the row came without a reload");
            String source = browser.driver().getPageSource();
            assertTrue(source.contains("Bullying") && source.contains("Yesil"), "localized category and district");
            for (String childData : new String[] { "Айгерим", "Сапарова", "+7 701", "summary", "firstName" }) {
                assertFalse(source.contains(childData), "no child data on the board: " + childData);
            }
            browser.screenshot("board-live-overdue-p1");

            browser.driver().get(link); // the same link again
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
            assertTrue(browser.driver().findElement(By.id("refused")).getText().contains("used already"));
            browser.screenshot("board-link-reused");
        }
    }

    @Test
    void partnersAndRespondersAreRefused() {
        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            browser.driver().get(link("partner", "school-a"));
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
            assertTrue(browser.driver().findElements(By.id("incidents")).isEmpty(), "no board for a partner");
            browser.screenshot("board-partner-refused");
            browser.driver().get(link("responder", UUID.randomUUID().toString()));
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("refused"),
                    "only for the coordinator and ops"));
            browser.driver().get(root.toString());
            assertTrue(browser.driver().findElements(By.id("incidents")).isEmpty(), "still nothing but the sign-in");
        }
    }

    @Test
    void theBrowsersLanguageFirstThenTheOneChosen() {
        try (Browser browser = Browser.start(Browser.DESKTOP, "ru,en")) {
            browser.driver().get(link("ops", "ops-1"));
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    "Оперативная панель"));
            browser.screenshot("board-ru");
            browser.driver().findElement(By.cssSelector(".languages a[lang=kk]")).click();
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Жедел тақта"));
            browser.driver().navigate().refresh();
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Жедел тақта"));
            browser.screenshot("board-kk");
        }
    }

    @Test
    void anAssignmentMadeOnTheBoardReachesDispatch() {
        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            browser.driver().get(link("coordinator", "duty-2"));
            UUID incident = reported(Severity.P2, 2);
            UUID assignment = paged(incident, Severity.P2, Instant.now().plus(Duration.ofMinutes(10)));
            By row = By.cssSelector("tr[data-incident='" + incident + "']");
            waiting(browser).until(ExpectedConditions.presenceOfNestedElementLocatedBy(row,
                    By.cssSelector(".member[data-assignment]")));
            browser.driver().findElement(row).findElement(By.cssSelector("button.act")).click();
            // the coordinator picks a name: the role's psychologists from dispatch, the one on call now first
            UUID responder = DispatchStandIn.ON_CALL;
            By names = By.cssSelector("#assign-form select[name=responderId] option");
            waiting(browser).until(d -> d.findElements(names).size() == 3);
            List<String> offered = browser.driver().findElements(names).stream().map(WebElement::getText).toList();
            assertEquals("Zarina Omarova · on call now (on shift)", offered.get(1), offered.toString());
            assertEquals("Aigul Bekova · not on call", offered.get(2), offered.toString());
            new org.openqa.selenium.support.ui.Select(browser.driver()
                    .findElement(By.cssSelector("#assign-form select[name=responderId]")))
                    .selectByValue(responder.toString());
            browser.driver().findElement(By.cssSelector("#assign-form input[name=reason]")).sendKeys("speaks Kazakh");
            new org.openqa.selenium.support.ui.Select(browser.driver()
                    .findElement(By.cssSelector("#assign-form select[name=replaces]")))
                    .selectByValue(assignment.toString());
            browser.driver().findElement(By.cssSelector("#assign-form button")).click();
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                    "Dispatch accepted it."));
            DispatchStandIn.Call call = DispatchStandIn.CALLS.stream()
                    .filter(c -> c.path().equals("/api/v1/incidents/" + incident + "/assignments")).findFirst()
                    .orElseThrow();
            assertTrue(call.body().contains("\"responderId\":\"" + responder + "\""), call.body());
            assertTrue(call.body().contains("\"replaces\":\"" + assignment + "\""), call.body());
            assertTrue(call.authorization().startsWith("Bearer ey"));
            assertTrue(DispatchStandIn.CALLS.stream().anyMatch(c -> c.path().equals(
                    "/api/v1/responders/on-call?role=PSYCHOLOGIST") && c.authorization().equals(call.authorization())),
                    "the names were read from dispatch as the signed-in user");
            browser.screenshot("board-assigned");
        }
    }
}
