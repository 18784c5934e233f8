package kz.zhedel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, installed by {@code ./zhedel browser})
 * for browser tests. Modules using it declare {@code selenium-chrome-driver} in test scope.
 *
 * <p>The flags keep Chromium off the network it would otherwise call at start (this machine's closed network refuses
 * those connections), and each browser gets a fresh profile so no cookie leaks between tests.
 */
public final class Browser implements AutoCloseable {

  /** A phone's viewport (CSS pixels), for the responder's page. */
  public static final Dimension PHONE = new Dimension(390, 844);
  /** A laptop's viewport, for the board. */
  public static final Dimension DESKTOP = new Dimension(1440, 900);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser with a viewport of {@code size} and the given preferred languages (e.g. "ru", "kk,en"). */
  public static Browser start(Dimension size, String acceptLanguages) {
    Path chromium = Path.of(System.getProperty("zhedel.chromium", "/usr/bin/chromium"));
    Path chromedriver = Path.of(System.getProperty("zhedel.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      throw new IllegalStateException(
          chromium + " or " + chromedriver + " missing: run ./zhedel browser (./zhedel test does) to install them");
    }
    try {
      Path profile = Files.createTempDirectory("zhedel-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--user-data-dir=" + profile,
          "--window-size=" + size.width + "," + size.height,
          "--lang=" + acceptLanguages.split(",")[0]);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
      if (size.width < 500) {
        // a window cannot be narrower than 500 px: a phone is emulated (viewport, touch, device pixel ratio)
        options.setExperimentalOption("mobileEmulation", Map.of(
            "deviceMetrics", Map.of("width", size.width, "height", size.height, "pixelRatio", 2, "touch", true)));
      }
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves a PNG of the viewport as {@code target/screenshots/NAME.png} and returns its path. */
  public Path screenshot(String name) {
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var paths = Files.walk(profile)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
