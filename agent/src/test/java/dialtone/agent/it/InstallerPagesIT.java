package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The installer's whole visit in Debian's real headless Chromium against the packaged agent on
 * the simulated site: log in, read the status, get the 911 address wrong and see every problem
 * next to its field, fix it, watch the page follow a cut of the Internet line, run the failover
 * test and open the installation report. Screenshots (360 px and 1280 px) and the report printed
 * on A4 and Letter land in agent/target/screenshots.
 */
class InstallerPagesIT {
    private static final String SMTP_SECRET = "smtp-s3cret-value";
    private static final Map<String, String> ENVIRONMENT =
            Map.of("DIALTONE_NOTIFY_SMTP_USERNAME", "box", "DIALTONE_NOTIFY_SMTP_PASSWORD", SMTP_SECRET);

    @TempDir
    Path work;

    private AgentProcess agent;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        agent = AgentProcess.simulated(work, ENVIRONMENT);
        chromium = Chromium.start(work.resolve("profile"));
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        agent.close();
    }

    @Test
    void anInstallerSetsUpTestsAndLeavesWithAReport() throws Exception {
        chromium.width(360, 800);
        chromium.browser.get(agent.baseUrl() + "/");
        logIn();
        seeTheStatus();
        getThe911AddressWrongThenRight();
        seeTheConfigurationWithoutSecrets();
        placeTheAntenna();
        runTheFailoverTestAndOpenTheReport();
        filterTheEvents();
        watchTheDashboardFollowACut();
        assertThat(chromium.scriptErrors())
                .as("no script errors, no CSP violations")
                .isEmpty();
    }

    @Test
    void everyTabPassesTheAccessibilityChecker() throws Exception {
        chromium.width(360, 800);
        chromium.browser.get(agent.baseUrl() + "/");
        chromium.waitVisible(By.id("password"));
        List<String> problems = new java.util.ArrayList<>();
        chromium.accessibilityProblems().forEach(p -> problems.add("login: " + p));
        logIn();
        for (String tab : List.of("dashboard", "setup", "antenna", "events", "test", "diagnostics")) {
            chromium.click(By.cssSelector("[data-tab='" + tab + "']"));
            chromium.waitVisible(By.id(tab));
            Thread.sleep(500); // the tab's first answers rendered
            chromium.accessibilityProblems().forEach(p -> problems.add(tab + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInstallerSetsTheSbcsAndThePlanAndTheAgentRestartsWithThem() throws Exception {
        chromium.width(360, 800);
        chromium.browser.get(agent.baseUrl() + "/");
        logIn();
        chromium.click(By.cssSelector("[data-tab='setup']"));
        new WebDriverWait(chromium.browser, Duration.ofSeconds(10)) // filled in from GET /config
                .until(d -> !d.findElement(By.id("cfg-sbc-hosts"))
                        .getDomProperty("value")
                        .isEmpty());
        assertThat(chromium.browser.findElement(By.id("cfg-sbc-hosts")).getDomProperty("value"))
                .isEqualTo("sbc.example.net");

        chromium.type("cfg-sbc-hosts", "sbc1.example.net, not a host!");
        chromium.type("cfg-usage-cap", "lots");
        chromium.click(By.cssSelector("#site-form button[type=submit]"));
        chromium.waitVisible(By.id("cfg-sbc-hosts-error"));
        assertThat(chromium.text("cfg-usage-cap-error")).isNotEmpty();
        assertThat(chromium.text("site-error")).startsWith("Please correct 2 field(s).");

        chromium.type("cfg-sbc-hosts", "sbc1.example.net, sbc2.example.net");
        chromium.type("cfg-usage-cap", "5GB");
        chromium.click(By.cssSelector("#site-form button[type=submit]"));
        chromium.waitText(
                By.id("site-saved"),
                "Saved as configuration version 1. The agent restarts to apply it; log in again in a few seconds.");
        chromium.screenshot("setup-saved-360");
        assertThat(agent.awaitExit(Duration.ofSeconds(20)))
                .as("exit 3: restart me")
                .isEqualTo(3);

        agent = AgentProcess.simulated(work, ENVIRONMENT);
        Map<String, Object> keys = (Map<String, Object>)
                Json.at(Json.object(agent.request("GET", "/api/v1/config", null).body()), "keys");
        assertThat((Map<String, Object>) keys.get("sbc.hosts"))
                .containsEntry("value", "sbc1.example.net, sbc2.example.net")
                .containsEntry("source", "remote");
        assertThat(Json.at(Status.await(agent, "usage.capBytes", 5_000_000_000L), "usage.capBytes"))
                .isEqualTo(5_000_000_000L);
    }

    @Test
    void theDiagnosticsBundleHoldsNoSecret() throws Exception {
        HttpResponse<byte[]> response = agent.download("/api/v1/diagnostics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = unzip(response.body());
        assertThat(files)
                .containsKeys("status.json", "config.json", "events.json", "usage.json", "README.txt", "agent.log");
        assertThat(files.get("agent.log")).contains("Main: Dialtone agent").contains("ready in");
        assertThat(files.get("config.json"))
                .contains("\"notify.smtp.password\"")
                .contains("****");
        files.forEach((name, text) -> assertThat(text).as(name).doesNotContain(SMTP_SECRET));
        assertThat(agent.request("GET", "/api/v1/config", null).body()).doesNotContain(SMTP_SECRET);
    }

    private void logIn() {
        chromium.waitVisible(By.id("password")).sendKeys(AgentProcess.PASSWORD);
        chromium.click(By.cssSelector("#login-form button"));
        chromium.waitVisible(By.id("dashboard"));
    }

    private void seeTheStatus() throws Exception {
        chromium.waitText(By.id("primary-state"), "up");
        assertThat(chromium.text("active-uplink")).isEqualTo("the Internet line");
        assertThat(chromium.browser.findElements(By.cssSelector("#lte-bars rect.on")))
                .hasSize(4);
        assertThat(chromium.browser.findElement(By.id("e911-banner")).isDisplayed())
                .isTrue();
        chromium.waitVisible(By.cssSelector("#usage-chart line.cap"));
        assertThat(chromium.text("mqtt-state")).isEqualTo("not connected");
        phoneAndLaptop("installer-status");
    }

    /** Screenshots at 360 px (a phone, where the test lives) and 1280 px (a laptop). */
    private void phoneAndLaptop(String name) throws Exception {
        chromium.screenshot(name + "-360");
        chromium.width(1280, 900);
        chromium.screenshot(name + "-1280");
        chromium.width(360, 800);
    }

    private void placeTheAntenna() throws Exception {
        chromium.click(By.cssSelector("[data-tab='antenna']"));
        chromium.click(By.id("antenna-toggle"));
        chromium.waitText(By.id("antenna-toggle"), "Stop placement mode");
        chromium.waitVisible(By.cssSelector("#antenna-bars rect.on"));
        assertThat(chromium.browser.findElements(By.cssSelector("#antenna-bars rect.on")))
                .hasSize(4);
        assertThat(chromium.text("antenna-rsrp")).isEqualTo("-90 dBm");
        assertThat(chromium.text("antenna-verdict")).isNotEqualTo("–");
        chromium.screenshot("installer-antenna-360");
        chromium.click(By.id("antenna-toggle"));
        chromium.waitText(By.id("antenna-toggle"), "Start placement mode");
    }

    private void getThe911AddressWrongThenRight() throws Exception {
        chromium.click(By.cssSelector("[data-tab='setup']"));
        chromium.waitVisible(By.id("location-form"));
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("loc-houseNumber", "12B");
        wrong.put("loc-streetName", "Main");
        wrong.put("loc-streetSuffix", "STRT");
        wrong.put("loc-city", "Springfield");
        wrong.put("loc-state", "XX");
        wrong.put("loc-zip", "123");
        wrong.put("loc-callbackNumber", "555");
        wrong.forEach(chromium::type);
        chromium.click(By.cssSelector("#location-form button[type='submit']"));

        for (String field : List.of("houseNumber", "streetSuffix", "state", "zip", "callbackNumber")) {
            WebElement error = chromium.waitVisible(By.id("loc-" + field + "-error"));
            WebElement input = chromium.browser.findElement(By.id("loc-" + field));
            assertThat(error.getText()).as(field).isNotBlank();
            assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
            assertThat(error.findElement(By.xpath("..")))
                    .as("the error sits next to its field")
                    .isEqualTo(input.findElement(By.xpath("..")));
        }
        assertThat(chromium.text("loc-zip-error")).isEqualTo("must be 5 digits, or ZIP+4 as 12345-6789");
        assertThat(chromium.text("location-error")).startsWith("Please correct 5 field(s)");
        chromium.screenshot("installer-911-errors-360");

        chromium.type("loc-houseNumber", "123");
        chromium.type("loc-streetSuffix", "ST");
        chromium.type("loc-state", "IL");
        chromium.type("loc-zip", "62701");
        chromium.type("loc-callbackNumber", "+1 217 555 0123");
        chromium.click(By.cssSelector("#location-form button[type='submit']"));
        chromium.waitText(By.id("location-saved"), "Saved: this is the registered 911 location.");
        assertThat(chromium.browser.findElements(By.cssSelector("#location-form .field-error")))
                .isEmpty();
        chromium.waitText(By.id("location-status"), "registered");
        assertThat(Json.at(Status.get(agent), "e911.status")).isEqualTo("registered");
    }

    private void seeTheConfigurationWithoutSecrets() {
        WebElement row =
                chromium.waitVisible(By.xpath("//table[@id='config-table']//tr[td[1][text()='notify.smtp.password']]"));
        assertThat(row.getText()).contains("****").contains("environment");
        assertThat(chromium.browser.getPageSource()).doesNotContain(SMTP_SECRET);
    }

    private void watchTheDashboardFollowACut() throws Exception {
        chromium.click(By.cssSelector("[data-tab='dashboard']"));
        chromium.waitText(By.id("e911-state"), "registered");
        agent.post("/api/v1/sim/primary", "{\"state\":\"down\"}");
        chromium.waitText(By.id("active-uplink"), "the LTE backup", Duration.ofSeconds(30));
        chromium.waitText(By.id("primary-state"), "down");
        phoneAndLaptop("installer-on-lte");
    }

    private void runTheFailoverTestAndOpenTheReport() throws Exception {
        chromium.click(By.cssSelector("[data-tab='test']"));
        chromium.type("installer-name", "Dana Installer");
        chromium.click(By.id("test-start"));
        chromium.waitText(By.id("test-state"), "Running…");
        // the failback waits for the hold time, which grows after recent switches: up to hold + 2 min
        chromium.waitText(By.id("test-state"), "Passed", Duration.ofSeconds(200));
        chromium.click(By.id("report-open"));
        chromium.waitVisible(By.id("report"));
        chromium.waitText(By.id("r-result"), "passed");
        assertThat(chromium.text("r-installer")).isEqualTo("Dana Installer");
        assertThat(chromium.text("r-device")).isNotEqualTo("–");
        assertThat(chromium.text("r-location")).contains("123").contains("62701");
        assertThat(chromium.text("r-signal")).startsWith("4 of 5 bars");
        assertThat(chromium.text("r-detection")).endsWith(" s");
        assertThat(chromium.accessibilityProblems()).as("the report").isEmpty();
        chromium.screenshot("installer-report-360");
        for (var paper :
                Map.of("a4", PageSize.ISO_A4, "letter", PageSize.US_LETTER).entrySet()) {
            Path pdf = chromium.print("installer-report-" + paper.getKey(), paper.getValue());
            assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
            assertThat(Chromium.pages(pdf))
                    .as("the report fits one %s page", paper.getKey())
                    .isEqualTo(1);
        }
        chromium.width(794, 1123); // A4 at 96 dpi
        chromium.printMedia(true);
        assertThat(chromium.browser.findElement(By.id("tabs")).isDisplayed()).isFalse();
        assertThat(chromium.browser.findElement(By.id("report-print")).isDisplayed())
                .isFalse();
        chromium.screenshot("installer-report-print-a4");
        chromium.printMedia(false);
        chromium.width(360, 800);
        chromium.click(By.id("report-close"));
    }

    private void filterTheEvents() {
        chromium.click(By.cssSelector("[data-tab='events']"));
        chromium.waitVisible(By.cssSelector("#events-list li"));
        chromium.browser
                .findElement(By.cssSelector("#events-severity option[value='warning']"))
                .click();
        chromium.click(By.cssSelector("#events-form button"));
        chromium.waitVisible(By.cssSelector("#events-list li[data-severity='warning']"));
        assertThat(chromium.browser.findElements(By.cssSelector("#events-list li:not([data-severity='warning'])")))
                .isEmpty();

        chromium.type("events-type", "Not A Type");
        chromium.click(By.cssSelector("#events-form button"));
        assertThat(chromium.waitVisible(By.id("events-type-error")).getText())
                .isEqualTo("must be an event type: lowercase letters, digits and -");
        chromium.type("events-type", "failover");
        chromium.click(By.cssSelector("#events-form button"));
        chromium.waitVisible(By.cssSelector("#events-list li"));
        assertThat(chromium.browser.findElements(By.id("events-type-error"))).isEmpty();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
