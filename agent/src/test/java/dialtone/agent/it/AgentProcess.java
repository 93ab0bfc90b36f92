package dialtone.agent.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged agent jar, started as the README and the systemd unit start it ({@code java
 * @systemd/jvm.options -jar agent/target/dialtone-agent.jar ...}), on loopback. Stopped by PID.
 */
final class AgentProcess implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("agent/target/dialtone-agent.jar");
    static final String PASSWORD = "installer-password-1";

    final Process process;
    private final LogFile output;
    final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private String csrfToken;

    private AgentProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = new LogFile(output, "agent's output");
        this.port = port;
    }

    /** Starts the agent with {@code args} (a free {@code --http-port} is added unless given). */
    static AgentProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + REPO.resolve("systemd/jvm.options"),
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        int port = List.of(args).contains("--http-port") ? -1 : freePort();
        if (port > 0) {
            command.addAll(List.of("--http-port", String.valueOf(port)));
        }
        Path output = Files.createTempFile(workDir, "agent", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DIALTONE_"));
        builder.environment().putAll(env);
        return new AgentProcess(builder.start(), output, port);
    }

    /** Runs the agent to its exit (it is expected to refuse to start); returns the exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("agent still running after " + limit + "\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        return output.read();
    }

    /** Waits up to {@code limit} for {@code text} in the agent's output; returns the output. */
    String awaitOutput(String text, Duration limit) throws InterruptedException {
        return output.await(text, limit);
    }

    void awaitHealthy(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("agent exited with " + process.exitValue() + "\n" + output());
            }
            try {
                if (request("GET", "/api/v1/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("agent not healthy within " + limit + "\n" + output());
    }

    /** The agent on the simulated site ({@code --sim}, data in {@code work/state}), healthy and logged in. */
    static AgentProcess simulated(Path work, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DIALTONE_INSTALLER_PASSWORD", PASSWORD);
        AgentProcess agent = start(work, all, "--sim", "--data-dir", "state");
        agent.awaitHealthy(Duration.ofSeconds(30));
        if (agent.login(PASSWORD).statusCode() != 200) {
            throw new AssertionError("login refused: " + agent.output());
        }
        return agent;
    }

    /** A POST that must succeed. */
    void post(String path, String json) throws Exception {
        HttpResponse<String> response = request("POST", path, json);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** The event log's first page, newest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() throws Exception {
        return (List<Map<String, Object>>)
                Json.object(request("GET", "/api/v1/events", null).body()).get("events");
    }

    HttpResponse<String> login(String password) throws Exception {
        HttpResponse<String> response = request("POST", "/api/v1/session", "{\"password\":\"" + password + "\"}");
        if (response.statusCode() == 200) {
            csrfToken = (String) Json.object(response.body()).get("csrfToken");
        }
        return response;
    }

    HttpResponse<String> request(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            builder.header("X-CSRF-Token", csrfToken);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is bytes (a download), with this client's session. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGTERM, as systemd stops the agent; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("agent did not stop within 15 s of SIGTERM\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
