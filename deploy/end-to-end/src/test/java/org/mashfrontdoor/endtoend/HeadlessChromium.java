package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the staff pages' browser tests: skipped, saying why, where it is not installed
 * ({@code .ci/run} installs it); signing in at the local provider's form; full-page screenshots.
 */
final class HeadlessChromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {
  }

  static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does): browser test skipped");
  }

  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Headless, and none of Chromium's own network traffic (this machine's network is closed).
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1600");
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(driver, options);
  }

  /** The browser, then the services, then the provider (each only if it started). */
  static void stopAll(ChromeDriver browser, ServicesInProcess services, LocalProviderProcess provider) {
    if (browser != null) {
      browser.quit();
    }
    services.close();
    if (provider != null) {
      provider.close();
    }
  }

  /** At the provider's sign-in form: signs in as {@code username} (every local password is local-only). */
  static void signIn(ChromeDriver browser, String issuer, String username) {
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(issuer));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys("local-only");
    browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
  }

  /** The whole page (up to 6000 px tall) at {@code width}, as a PNG. */
  static void screenshot(ChromeDriver browser, int width, Path file) throws IOException {
    browser.manage().window().setSize(new Dimension(width, 1600));
    long height = (Long) browser.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
    browser.manage().window().setSize(new Dimension(width, (int) Math.min(height, 6000)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
  }

  /** Lays the page out as a phone {@code width} CSS pixels wide would (Chromium windows have a minimum width). */
  static void narrow(ChromeDriver browser, int width) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
        "deviceScaleFactor", 1, "mobile", true));
  }

  static void wide(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** Nothing scrolls sideways: the page is no wider than the window. */
  static void assertNoHorizontalScroll(ChromeDriver browser) {
    long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth).as("page width at " + viewport + " px").isLessThanOrEqualTo(viewport);
  }
}
