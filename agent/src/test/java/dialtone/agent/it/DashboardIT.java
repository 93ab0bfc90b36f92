package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's real headless Chromium against the packaged agent on the simulated
 * site: log in, see the site, cut the primary line from the simulator panel and watch the page
 * follow without a reload. Leaves screenshots in agent/target/screenshots for people to look at.
 */
class DashboardIT {
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path work;

    private AgentProcess agent;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        agent = AgentProcess.start(
                work, Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD), "--sim", "--data-dir", "state");
        agent.awaitHealthy(Duration.ofSeconds(30));
        browser = chromium(work.resolve("profile"));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        agent.close();
    }

    @Test
    void anInstallerLogsInAndWatchesTheSiteFailLive() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        browser.get(agent.baseUrl() + "/");

        WebElement password = waitVisible(By.id("password"));
        password.sendKeys("not the password");
        browser.findElement(By.cssSelector("#login-form button")).click();
        waitText(By.id("login-error"), "The password is not correct.");

        password.clear();
        password.sendKeys(AgentProcess.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button")).click();
        waitVisible(By.id("dashboard"));
        waitText(By.id("primary-state"), "up");
        assertThat(text("active-uplink")).isEqualTo("the Internet line");
        assertThat(text("simulated")).isEqualTo("Simulated site");
        assertThat(browser.findElements(By.cssSelector("#lte-bars span.on"))).hasSize(4);
        assertThat(browser.findElement(By.id("e911-banner")).isDisplayed()).isTrue();
        screenshot("dashboard-phone");

        browser.findElement(By.cssSelector("[data-primary='down']")).click();
        waitText(By.id("primary-state"), "down");
        assertThat(browser.findElement(By.id("primary-state")).getAttribute("data-state"))
                .isEqualTo("down");

        browser.manage().window().setSize(new Dimension(1366, 900)); // a laptop
        screenshot("dashboard-laptop");
        assertThat(severeBrowserLogs())
                .as("no script errors, no CSP violations")
                .isEmpty();

        // the demo has no mail server: the installer is told what is missing (after the log check:
        // the browser logs the 409 it answers)
        assertThat(text("email-state")).isEqualTo("not set up");
        browser.findElement(By.id("email-test")).click();
        waitText(
                By.id("email-test-result"),
                "E-mail is not set up: notify.smtp.host, notify.email.from and at least one recipient are needed");
    }

    private static WebDriver chromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
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
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private WebElement waitVisible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitText(By by, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .withMessage(() -> by + " never showed '" + expected + "'; it shows '"
                        + browser.findElement(by).getText() + "'")
                .until(ExpectedConditions.textToBe(by, expected));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> severeBrowserLogs() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("/api/v1/session") && !message.contains("/api/v1/status"))
                .toList();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
