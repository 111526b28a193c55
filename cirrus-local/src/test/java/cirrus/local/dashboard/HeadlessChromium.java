package cirrus.local.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded): a fresh
 * profile, no network besides the page's own server, no background services. Tests skip with a
 * clear message when Chromium is absent, except under {@code CI=true}, where they fail.
 */
public final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(env("CIRRUS_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(env("CIRRUS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test class (or fails it under CI) when Chromium is not installed. */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String message =
                "the dashboard's browser tests need Debian's chromium and chromium-driver ("
                        + CHROMIUM
                        + ", "
                        + DRIVER
                        + "): apt-get install chromium chromium-driver";
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(present, message);
    }

    public static HeadlessChromium start(Path profile) throws IOException {
        Files.createDirectories(profile);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .withTimeout(Duration.ofSeconds(30))
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1050",
                "--user-data-dir=" + profile.toAbsolutePath());
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A PNG of the window into {@code file}. */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
