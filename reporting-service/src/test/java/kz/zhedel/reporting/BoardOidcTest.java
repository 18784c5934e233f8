package kz.zhedel.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

import kz.zhedel.testing.Browser;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/**
 * Production sign-in: the board through the OIDC authorization code flow against a real OIDC provider running in the
 * test (Quarkus' WireMock provider, its login form filled in headless Chromium). A coordinator comes back signed in
 * and acts on dispatch with the provider's access token; a responder is refused; the API routes keep their bearer
 * tokens and API keys and are never sent to the provider.
 */
@QuarkusTest
@TestProfile(BoardOidcTest.Oidc.class)
@WithTestResource(RealInfrastructure.class)
@WithTestResource(DispatchStandIn.class)
@WithTestResource(OidcWiremockTestResource.class)
class BoardOidcTest {

    /** The board signed into through the provider, as deploy/overlays/prod configures it. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", "zhedel-board",
                    "quarkus.oidc.credentials.secret", "board-client-secret",
                    // the WireMock provider's tokens are for this audience, not for the client id
                    "quarkus.oidc.token.audience", "https://server.example.com");
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @TestHTTPResource("/")
    URL root;

    /** The provider's tokens for the next code exchange: this user with these roles in {@code groups}. */
    private String signsInAs(String subject, String... roles) {
        String access = providerToken(subject, roles);
        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"id_token\":\""
                        + providerToken(subject, roles) + "\",\"refresh_token\":\"r-" + subject
                        + "\",\"expires_in\":300}")));
        return access;
    }

    /** A token signed with the WireMock provider's key (the one its JWKS publishes). */
    private static String providerToken(String subject, String... roles) {
        return Jwt.preferredUserName(subject).subject(subject).groups(Set.of(roles))
                .issuer("https://server.example.com").audience("https://server.example.com")
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("1").sign("privateKey.jwk");
    }

    private static WebDriverWait waiting(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    /** Opens the board, follows the sign-in to the provider and fills in its login form. */
    private void signInAtTheProvider(Browser browser, String user) {
        browser.driver().get(root.toString());
        waiting(browser).until(ExpectedConditions.elementToBeClickable(By.id("sign-in-oidc"))).click();
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.driver().getCurrentUrl().startsWith(provider.baseUrl()), "sent to the provider");
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(user);
        browser.driver().findElement(By.id("login")).click();
    }

    @Test
    void aCoordinatorSignsInAtTheProviderAndActsOnDispatchWithTheAccessToken() {
        String accessToken = signsInAs("duty-oidc-1", "coordinator");
        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            signInAtTheProvider(browser, "duty-oidc-1");
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "duty-oidc-1"));
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("open-count")));
            assertTrue(browser.driver().getCurrentUrl().startsWith(root.toString()), "back on the board");
            browser.screenshot("board-oidc-signed-in");

            Cookie session = browser.driver().manage().getCookieNamed("zhedel_board");
            assertTrue(session.isHttpOnly() && "Strict".equals(session.getSameSite()), "session cookie flags");
            String csrf = browser.driver().findElement(By.cssSelector("meta[name='csrf-token']"))
                    .getDomAttribute("content");
            var cookies = browser.driver().manage().getCookies().stream()
                    .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
            UUID incident = UUID.randomUUID();

            // CSRF holds for an OIDC session too: nothing reaches dispatch without the token
            given().cookies(cookies).formParam("reason", "DUPLICATE").when()
                    .post("/board/incidents/{id}/cancel", incident).then().statusCode(403);
            given().cookies(cookies).header("X-CSRF-Token", csrf).formParam("reason", "DUPLICATE").when()
                    .post("/board/incidents/{id}/cancel", incident).then().statusCode(200);
            DispatchStandIn.Call call = await().atMost(Duration.ofSeconds(10)).until(() -> DispatchStandIn.CALLS
                    .stream().filter(c -> c.path().equals("/api/v1/incidents/" + incident + "/cancel")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertEquals("Bearer " + accessToken, call.authorization(), "dispatch gets the user's OIDC access token");

            // the board session alone (without the OIDC session) acts as nobody
            given().cookie("zhedel_board", session.getValue()).header("X-CSRF-Token", csrf)
                    .formParam("reason", "DUPLICATE").when().post("/board/incidents/{id}/cancel", UUID.randomUUID())
                    .then().statusCode(401);

            // signing out ends both sessions: the board asks to sign in again
            given().cookies(cookies).header("X-CSRF-Token", csrf).redirects().follow(false).when().post("/logout")
                    .then().statusCode(303);
            given().cookies(cookies).redirects().follow(false).when().get("/").then().statusCode(401)
                    .body(not(containsString("id=\"incidents\"")));
        }
    }

    @Test
    void aResponderSignedInAtTheProviderIsRefused() {
        signsInAs("responder-oidc-1", "responder");
        try (Browser browser = Browser.start(Browser.DESKTOP, "en")) {
            signInAtTheProvider(browser, "responder-oidc-1");
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("refused"),
                    "only for the coordinator and ops"));
            assertTrue(browser.driver().findElements(By.id("incidents")).isEmpty(), "no board for a responder");
            assertTrue(browser.driver().manage().getCookieNamed("zhedel_board") == null, "no board session");
            browser.screenshot("board-oidc-responder-refused");
            browser.driver().get(root.toString());
            assertTrue(browser.driver().findElements(By.id("incidents")).isEmpty(), "still only the sign-in");
        }
    }

    @Test
    void theApiRoutesKeepBearerTokensAndApiKeys() {
        given().redirects().follow(false).when().get("/api/v1/stats/summary").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("coordinator", "duty-1")).when().get("/api/v1/stats/summary")
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.OPS_KEY).when().get("/api/v1/stats/summary").then().statusCode(200);
        // without an OIDC session the board is the sign-in page offering the provider, not a redirect
        given().redirects().follow(false).header("Accept-Language", "en").when().get("/").then().statusCode(401)
                .body(containsString("/login/oidc"), not(containsString("id=\"incidents\"")));
    }
}
