package dialtone.agent.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto ({@code /usr/sbin/mosquitto}) as a provider would run it for Dialtone, on a
 * free 127.0.0.1 port: TLS only, a client certificate required and its CN taken as the user name,
 * an ACL that confines each device to its own subtree and lets the operations console ({@link
 * #OPERATOR}) see and command every device, and persistence, so that sessions and retained
 * messages outlive a restart. Stopped by PID (SIGTERM, which saves the persistence file).
 */
final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    /** The operations team's identity: the CN of its client certificate. */
    static final String OPERATOR = "ops-console";

    /** The ACL of docs/mqtt.md ("Broker"). */
    static final String ACL = """
            # The operations console: every device's subtree.
            user %s
            topic readwrite dialtone/v1/#

            # Each device (certificate CN = device id = user name): its own subtree only.
            pattern write dialtone/v1/%%u/state
            pattern write dialtone/v1/%%u/evt
            pattern write dialtone/v1/%%u/tele
            pattern write dialtone/v1/%%u/res
            pattern read dialtone/v1/%%u/cmd/#
            pattern read dialtone/v1/%%u/cfg/desired
            """.formatted(OPERATOR);

    private final Path dir;
    private final LogFile log;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.log = new LogFile(dir.resolve("mosquitto.log"), "broker's log");
        this.port = port;
    }

    /** Starts a broker whose server certificate {@code ca} issued; it trusts client certificates {@code ca} issued. */
    static Mosquitto start(Path dir, TestCa ca) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install the Debian package mosquitto (bin/prerequisites)");
        }
        Files.createDirectories(dir.resolve("data"));
        TestCa.Issued server = ca.server("broker");
        Files.writeString(dir.resolve("acl"), ACL);
        int port = AgentProcess.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), """
                user root
                per_listener_settings false
                allow_anonymous false
                acl_file %s
                persistence true
                persistence_location %s/
                autosave_interval 1
                log_dest stdout
                log_type all
                listener %d 127.0.0.1
                cafile %s
                certfile %s
                keyfile %s
                require_certificate true
                use_identity_as_username true
                """.formatted(
                        dir.resolve("acl"), dir.resolve("data"), port, ca.cert, server.cert(), server.key()));
        Mosquitto mosquitto = new Mosquitto(dir, port);
        mosquitto.restart();
        return mosquitto;
    }

    String url() {
        return "ssl://127.0.0.1:" + port;
    }

    /** The broker's log so far. */
    String log() {
        return log.read();
    }

    /** Waits up to {@code limit} for {@code text} in the broker's log; returns the log. */
    String awaitLog(String text, Duration limit) throws InterruptedException {
        return log.await(text, limit);
    }

    /** Starts the broker (again) on the same port with the same persistence; returns once it listens. */
    void restart() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is running");
        }
        // stdbuf execs mosquitto (same PID) with its log lines unbuffered, so a test can read them at once
        process = new ProcessBuilder(
                        "stdbuf",
                        "-oL",
                        BINARY.toString(),
                        "-c",
                        dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto exited with " + process.exitValue() + "\n" + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("mosquitto not listening on " + port + " within 15 s\n" + log());
    }

    /** SIGTERM by PID; mosquitto saves its sessions and retained messages before it exits. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("mosquitto did not stop within 15 s of SIGTERM");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
