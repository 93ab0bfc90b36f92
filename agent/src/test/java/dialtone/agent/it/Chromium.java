package dialtone.agent.it;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's real headless Chromium through its chromedriver, with a private profile, no network
 * beyond what the page asks for, and the browser console kept for the checks. Screenshots and
 * printouts go to agent/target/screenshots for people to look at. {@link #close} quits the
 * browser and stops its driver.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Duration WAIT = Duration.ofSeconds(15);

    final WebDriver browser;

    private Chromium(WebDriver browser) {
        this.browser = browser;
    }

    static Chromium start(Path profile) throws Exception {
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
        return new Chromium(new ChromeDriver(service, options));
    }

    void width(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
    }

    WebElement waitVisible(By by) {
        return waitVisible(by, WAIT);
    }

    WebElement waitVisible(By by, Duration wait) {
        return new WebDriverWait(browser, wait)
                .withMessage(() -> by + " never became visible")
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitText(By by, String expected) {
        waitText(by, expected, WAIT);
    }

    void waitText(By by, String expected, Duration wait) {
        new WebDriverWait(browser, wait)
                .withMessage(() -> by + " never showed '" + expected + "'; it shows '"
                        + browser.findElement(by).getText() + "'")
                .until(ExpectedConditions.textToBe(by, expected));
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    void click(By by) {
        browser.findElement(by).click();
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Console errors: script errors and CSP violations, but not the HTTP errors the API answers on purpose. */
    List<String> scriptErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("the server responded with a status of 4"))
                .toList();
    }

    /**
     * What axe-core (the accessibility checker, from its WebJar) finds on the page as it is now,
     * at any impact: one line per rule, with the elements and the rule's advice.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() throws Exception {
        String resource = System.getProperty("axe.script"); // set by the build: pom.xml, failsafe
        if (resource == null) {
            throw new AssertionError("axe.script is not set: run the page tests through Maven (failsafe)");
        }
        try (var in = Chromium.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("axe-core is not on the test class path: " + resource);
            }
            ((JavascriptExecutor) browser).executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                          .then((r) => done(r.violations
                            .map((v) => v.id + ' (' + v.impact + '): '
                              + v.nodes.map((n) => n.target.join(' ')).join(', ') + ' - ' + v.help)))
                          .catch((e) => done(['axe failed: ' + e]));
                        """);
    }

    Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** The page as the browser prints it (print CSS applied) on {@code paper}, as a PDF. */
    Path print(String name, PageSize paper) throws Exception {
        PrintOptions options = new PrintOptions();
        options.setPageSize(paper);
        options.setBackground(false);
        String base64 = ((PrintsPage) browser).print(options).getContent();
        Files.createDirectories(SCREENSHOTS);
        return Files.write(
                SCREENSHOTS.resolve(name + ".pdf"), Base64.getDecoder().decode(base64));
    }

    /** Pages in a PDF that Chromium printed: its page tree's count. */
    static int pages(Path pdf) throws Exception {
        Matcher count = Pattern.compile("/Type /Pages\\s*/Count (\\d+)")
                .matcher(Files.readString(pdf, StandardCharsets.ISO_8859_1));
        if (!count.find()) {
            throw new AssertionError("no page tree in " + pdf);
        }
        return Integer.parseInt(count.group(1));
    }

    /** Renders the page with its print style sheet (on) or its screen one (off), for a screenshot. */
    void printMedia(boolean on) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", on ? "print" : ""));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
