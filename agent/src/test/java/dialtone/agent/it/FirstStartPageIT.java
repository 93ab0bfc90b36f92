package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's first start and login in real headless Chromium against the packaged agent in
 * {@code --sim}: a provisioned box shows the login form; a box without a password asks for one
 * first (field errors, then the dashboard, and the password cannot be set twice); a throttled login
 * says how long to wait.
 */
class FirstStartPageIT {
    private static final String NEW_PASSWORD = "a-new-installer-password";

    @TempDir
    Path work;

    private AgentProcess agent;
    private Chromium chromium;

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aProvisionedBoxShowsTheLoginForm() throws Exception {
        open(Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD));

        chromium.waitVisible(By.id("password")).sendKeys(AgentProcess.PASSWORD);
        assertThat(chromium.browser.findElement(By.id("first-start")).isDisplayed())
                .isFalse();
        chromium.click(By.cssSelector("#login-form button"));
        chromium.waitVisible(By.id("dashboard"));

        chromium.browser.navigate().refresh(); // the session outlives a reload
        chromium.waitVisible(By.id("dashboard"));
        assertThat(chromium.scriptErrors()).isEmpty();
    }

    @Test
    void aNewBoxAsksForThePasswordFirst() throws Exception {
        open(Map.of());

        chromium.waitVisible(By.id("new-password"));
        assertThat(chromium.accessibilityProblems()).as("the first-start page").isEmpty();
        chromium.type("new-password", "short");
        chromium.type("new-password-again", "short");
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitText(By.id("err-new-password"), "must have at least 8 characters");

        chromium.type("new-password", NEW_PASSWORD);
        chromium.type("new-password-again", NEW_PASSWORD + "x");
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitText(By.id("err-new-password"), "The two passwords differ.");

        chromium.type("new-password-again", NEW_PASSWORD);
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitVisible(By.id("dashboard"));
        chromium.waitText(By.id("active-uplink"), "the Internet line");
        chromium.screenshot("first-start-done-360");
        assertThat(chromium.scriptErrors()).isEmpty();

        HttpResponse<String> again =
                agent.request("POST", "/api/v1/setup/password", "{\"password\":\"another-password-1\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(agent.login(NEW_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() throws Exception {
        open(Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD));
        int wrong = 0;
        for (int attempt = 0; wrong < 7 && attempt < 20; attempt++) { // 3 free, then 1 + 2 + 4 s of waiting
            HttpResponse<String> response = agent.login("not-the-password");
            if (response.statusCode() == 429) {
                Thread.sleep(1000L
                        * Long.parseLong(
                                response.headers().firstValue("Retry-After").orElseThrow()));
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(7);

        chromium.waitVisible(By.id("password")).sendKeys(AgentProcess.PASSWORD); // right, but too soon
        chromium.click(By.cssSelector("#login-form button"));
        new WebDriverWait(chromium.browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textMatches(
                        By.id("login-error"),
                        java.util.regex.Pattern.compile("Too many attempts\\. Wait \\d+ seconds?, then try again\\.")));
        assertThat(chromium.browser.findElement(By.id("dashboard")).isDisplayed())
                .isFalse();
    }

    private void open(Map<String, String> env) throws Exception {
        agent = AgentProcess.start(work, env, "--sim", "--data-dir", "state");
        agent.awaitHealthy(Duration.ofSeconds(30));
        chromium = Chromium.start(work.resolve("profile"));
        chromium.width(360, 800);
        chromium.browser.get(agent.baseUrl() + "/");
    }
}
