package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import kz.zhedel.testing.Browser;

/**
 * The ops board against the packaged stack in headless Chromium: a {@code ./zhedel login} link opens it, a report
 * made through intake appears within seconds without a reload, and a manual assignment and a cancellation done on
 * the board reach dispatch (as the signed-in coordinator) and the partner's timeline at intake.
 */
class BoardIT extends OnePager {

    private static final Duration SECONDS = Duration.ofSeconds(20);

    @Test
    void aReportAppearsOnTheBoardAndTheBoardsAssignmentAndCancellationReachDispatchAndThePartner() {
        api.onShift("Psychologist Nura", "PSYCHOLOGIST", "NURA", pager.url());
        String named = api.enrol("Psychologist named on the board", "PSYCHOLOGIST", "NURA", pager.url());
        // not on shift, so that dispatch's own choice is the other one: the coordinator picks them by name

        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), SECONDS);
            wait.ignoring(StaleElementReferenceException.class); // live reloads replace the rows
            browser.driver().get(stack.login("coordinator", "duty-e2e"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "duty-e2e"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-count")));
            browser.driver().executeScript("window.notReloaded = true");

            String incident = api.report("NEGLECT", "P2", "NURA");
            By row = By.cssSelector("tr[data-incident='" + incident + "']");
            By member = By.cssSelector("tr[data-incident='" + incident + "'] .member[data-assignment]");
            wait.until(ExpectedConditions.presenceOfElementLocated(member));
            assertTrue((Boolean) browser.driver().executeScript("return window.notReloaded === true"),
                    "the report came without a reload");
            String source = browser.driver().getPageSource();
            for (String childData : List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE, Api.SUMMARY)) {
                assertFalse(source.contains(childData), "no child data on the board: " + childData);
            }
            browser.screenshot("board-e2e-report");

            // assign the named psychologist beside the team
            wait.until(d -> {
                d.findElement(row).findElement(By.cssSelector("button.act")).click();
                return true;
            });
            // picked by name from dispatch's psychologists (the role offered first), after those on call now
            By choice = By.cssSelector("#assign-form select[name=responderId] option[value='" + named + "']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(choice, "not on call"));
            assertTrue(browser.driver().findElement(By.cssSelector("#assign-form select[name=responderId] "
                    + "option.on-call")).getText().contains("on call now"), "those on call are offered first");
            assertTrue(browser.driver().findElement(choice).getText().startsWith("Psychologist named on the board"));
            new Select(browser.driver().findElement(By.cssSelector("#assign-form select[name=responderId]")))
                    .selectByValue(named);
            browser.driver().findElement(By.cssSelector("#assign-form input[name=reason]"))
                    .sendKeys("knows the family");
            browser.driver().findElement(By.cssSelector("#assign-form button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                    "Dispatch accepted it."));
            await().atMost(SECONDS).until(() -> api.dispatchIncident(incident)
                    .getList("assignments.responderId").contains(named));
            assertTrue(api.dispatchIncident(incident).getString("assignments.find { it.responderId == '" + named
                    + "' }.reason").contains("duty-e2e"), "dispatch recorded the board's user as who assigned");

            // cancel it as a duplicate
            new Select(browser.driver().findElement(By.cssSelector("#cancel-form select[name=reason]")))
                    .selectByValue("DUPLICATE");
            browser.driver().findElement(By.cssSelector("#cancel-form button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"),
                    "Dispatch accepted it."));
            await().atMost(SECONDS).until(() -> "CANCELLED".equals(api.dispatchIncident(incident).getString("status")));
            await().atMost(SECONDS).until(() -> api.incident(incident).getList("timeline.status")
                    .contains("CANCELLED"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
            browser.screenshot("board-e2e-cancelled");
        }
    }
}
