package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The dashboard in Debian's real headless Chromium against the packaged agent on the simulated
 * site: log in, see the site, cut the primary line from the simulator panel and watch the page
 * follow without a reload. Leaves screenshots in agent/target/screenshots for people to look at.
 */
class DashboardIT {
    @TempDir
    Path work;

    private AgentProcess agent;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        agent = AgentProcess.start(
                work, Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD), "--sim", "--data-dir", "state");
        agent.awaitHealthy(Duration.ofSeconds(30));
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
    void anInstallerLogsInAndWatchesTheSiteFailLive() throws Exception {
        chromium.width(390, 844); // a phone
        chromium.browser.get(agent.baseUrl() + "/");

        chromium.waitVisible(By.id("password")).sendKeys("not the password");
        chromium.click(By.cssSelector("#login-form button"));
        chromium.waitText(By.id("login-error"), "The password is not correct.");

        chromium.type("password", AgentProcess.PASSWORD);
        chromium.click(By.cssSelector("#login-form button"));
        chromium.waitVisible(By.id("dashboard"));
        chromium.waitText(By.id("primary-state"), "up");
        assertThat(chromium.text("active-uplink")).isEqualTo("the Internet line");
        assertThat(chromium.text("simulated")).isEqualTo("Simulated site");
        assertThat(chromium.browser.findElements(By.cssSelector("#lte-bars rect.on")))
                .hasSize(4);
        assertThat(chromium.browser.findElement(By.id("e911-banner")).isDisplayed())
                .isTrue();
        chromium.screenshot("dashboard-phone");

        chromium.click(By.cssSelector("[data-primary='down']"));
        chromium.waitText(By.id("primary-state"), "down");
        assertThat(chromium.browser.findElement(By.id("primary-state")).getAttribute("data-state"))
                .isEqualTo("down");

        chromium.width(1366, 900); // a laptop
        chromium.screenshot("dashboard-laptop");
        assertThat(chromium.scriptErrors())
                .as("no script errors, no CSP violations")
                .isEmpty();

        // the demo has no mail server: the installer is told what is missing
        assertThat(chromium.text("email-state")).isEqualTo("not set up");
        chromium.click(By.id("email-test"));
        chromium.waitText(
                By.id("email-test-result"),
                "E-mail is not set up: notify.smtp.host, notify.email.from and at least one recipient are needed");
    }
}
