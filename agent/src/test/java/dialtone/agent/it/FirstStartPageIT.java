package dialtone.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The page's first start and login in real headless Chromium. Against the packaged agent: a box
 * whose password came from provisioning shows the login form, whether or not the agent answers
 * {@code GET /api/v1/session} yet. Against a loopback stand-in for the session contract of issue 9
 * ({@code GET /api/v1/session} -> {@code {passwordSet, loggedIn}}, {@code POST
 * /api/v1/setup/password}, 429 with {@code Retry-After} on too many logins) serving the real page
 * files: a new box asks for the password first, and a throttled login says how long to wait. When
 * the agent implements the contract, the stand-in's cases belong against the agent.
 */
class FirstStartPageIT {
    private static final String NEW_PASSWORD = "a-new-installer-password";

    @TempDir
    Path work;

    private AgentProcess agent;
    private HttpServer contract;
    private Chromium chromium;

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (contract != null) {
            contract.stop(0);
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aProvisionedBoxShowsTheLoginForm() throws Exception {
        agent = AgentProcess.start(
                work, Map.of("DIALTONE_INSTALLER_PASSWORD", AgentProcess.PASSWORD), "--sim", "--data-dir", "state");
        agent.awaitHealthy(Duration.ofSeconds(30));
        chromium = Chromium.start(work.resolve("profile"));
        chromium.width(360, 800);
        chromium.browser.get(agent.baseUrl() + "/");

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
        startContract();
        chromium.browser.get(baseUrl() + "/");

        chromium.waitVisible(By.id("new-password")).sendKeys("short");
        chromium.type("new-password-again", "short");
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitText(By.id("err-new-password"), "must be at least 12 characters");

        chromium.type("new-password", NEW_PASSWORD);
        chromium.type("new-password-again", NEW_PASSWORD + "x");
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitText(By.id("err-new-password"), "The two passwords differ.");

        chromium.type("new-password-again", NEW_PASSWORD);
        chromium.click(By.cssSelector("#setup-password-form button"));
        chromium.waitVisible(By.id("dashboard"));
        assertThat(chromium.text("active-uplink")).isEqualTo("the Internet line");
        chromium.screenshot("first-start-done-360");
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() throws Exception {
        startContract();
        password.set(NEW_PASSWORD);
        chromium.browser.get(baseUrl() + "/");

        chromium.waitVisible(By.id("password")).sendKeys("guess");
        chromium.click(By.cssSelector("#login-form button"));
        chromium.waitText(By.id("login-error"), "Too many attempts. Wait 30 seconds, then try again.");
        assertThat(chromium.browser.findElement(By.id("first-start")).isDisplayed())
                .isFalse();
    }

    // ---- the stand-in for the session contract -----------------------------------------------

    private final AtomicReference<String> password = new AtomicReference<>();

    private void startContract() throws Exception {
        contract = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        contract.createContext("/", this::answer);
        contract.start();
        chromium = Chromium.start(work.resolve("profile"));
        chromium.width(360, 800);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + contract.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (method + " " + path) {
            case "GET /", "GET /index.html" -> file(exchange, "index.html", "text/html");
            case "GET /app.js" -> file(exchange, "app.js", "text/javascript");
            case "GET /app.css" -> file(exchange, "app.css", "text/css");
            case "GET /api/v1/session" ->
                json(exchange, 200, "{\"passwordSet\":" + (password.get() != null) + ",\"loggedIn\":false}");
            case "POST /api/v1/setup/password" -> setPassword(exchange, body);
            case "POST /api/v1/session" -> {
                if (password.get() != null && body.contains("\"" + password.get() + "\"")) {
                    json(exchange, 200, "{\"csrfToken\":\"t\"}");
                } else {
                    exchange.getResponseHeaders().add("Retry-After", "30");
                    json(exchange, 429, "{\"error\":\"too-many-attempts\",\"message\":\"Too many attempts.\"}");
                }
            }
            case "GET /api/v1/status" -> json(exchange, 200, resource("status.json"));
            default -> json(exchange, 404, "{\"error\":\"not-found\",\"message\":\"not in the stand-in\"}");
        }
    }

    private void setPassword(HttpExchange exchange, String body) throws IOException {
        if (password.get() != null) {
            json(exchange, 409, "{\"error\":\"conflict\",\"message\":\"The password is already set.\"}");
        } else if (body.contains("\"password\":\"" + NEW_PASSWORD + "\"")) {
            password.set(NEW_PASSWORD);
            json(exchange, 200, "{}");
        } else {
            json(
                    exchange,
                    400,
                    "{\"error\":\"invalid\",\"message\":\"Some fields are invalid.\","
                            + "\"fieldErrors\":{\"password\":\"must be at least 12 characters\"}}");
        }
    }

    private static void file(HttpExchange exchange, String name, String type) throws IOException {
        try (InputStream in = FirstStartPageIT.class.getResourceAsStream("/webroot/" + name)) {
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FirstStartPageIT.class.getResourceAsStream("/installer-pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
