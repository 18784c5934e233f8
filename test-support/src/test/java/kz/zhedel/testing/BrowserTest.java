package kz.zhedel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser toolkit itself: Debian's Chromium starts headless, runs a page's script, sends the languages asked. */
class BrowserTest {

  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String language = exchange.getRequestHeaders().getFirst("Accept-Language");
      byte[] body = ("<!doctype html><meta name=viewport content=\"width=device-width\"><title>t</title><p id=lang>" + language + "</p><button id=b "
          + "onclick=\"document.getElementById('out').textContent='clicked '+innerWidth\">go</button><p id=out></p>")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void drivesAPhoneSizedPageInTheLanguageAsked() {
    try (Browser browser = Browser.start(Browser.PHONE, "kk,ru")) {
      browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertTrue(browser.driver().findElement(By.id("lang")).getText().startsWith("kk"));
      browser.driver().findElement(By.id("b")).click();
      assertEquals("clicked " + Browser.PHONE.width, browser.driver().findElement(By.id("out")).getText());
      assertTrue(Files.size(browser.screenshot("browser-test")) > 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
