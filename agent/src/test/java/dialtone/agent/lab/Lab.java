package dialtone.agent.lab;

import dialtone.hal.linux.JdkProcessRunner;
import dialtone.hal.sys.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The network-namespace lab of research/linux-mechanics.md §8, built by the test itself
 * ({@code lab/topo.sh}) under a prefix of its own and torn down at the end. Needs root; without it
 * the test fails, saying so (CI runs as root).
 */
public final class Lab implements AutoCloseable {
    static final Path SCRIPTS = Path.of("target/test-classes/lab").toAbsolutePath();
    public static final String SBC = "198.51.100.10";

    final String prefix;
    private final JdkProcessRunner runner = new JdkProcessRunner();
    private final List<AutoCloseable> started = new ArrayList<>();

    private Lab(String prefix) {
        this.prefix = prefix;
    }

    public static Lab up() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError(
                    "the network lab needs root (network namespaces, nftables): run bin/test as " + "root, as CI does");
        }
        Lab lab = new Lab("dt" + ProcessHandle.current().pid() % 100_000);
        lab.script("topo.sh", "up", lab.prefix);
        return lab;
    }

    public String ns(String name) {
        return prefix + "-" + name;
    }

    /** Runs {@code argv} in namespace {@code name} and fails the test on a non-zero exit. */
    public String run(String name, String... argv) {
        ProcessResult result = exec(name, argv);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", argv) + " in " + ns(name) + ": " + result.stderrTail());
        }
        return result.stdout();
    }

    public ProcessResult exec(String name, String... argv) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns(name)));
        command.addAll(List.of(argv));
        return runner.run(command, null, Duration.ofSeconds(20));
    }

    /** The primary's ISP stops forwarding, behind a link that stays up. */
    public void outage() {
        script("impair.sh", prefix, "outage");
    }

    /** {@code percent} % of what comes back from the Internet through the primary is lost. */
    public void loss(int percent) {
        script("impair.sh", prefix, "loss", String.valueOf(percent));
    }

    public void restore() {
        script("impair.sh", prefix, "clear");
    }

    /** Which uplink the box's active default route (ours, metric 10) points to: eth0, wwan0 or none. */
    public String activeDefault() {
        for (String line : run("rtr", "ip", "route", "show", "default").split("\n")) {
            if (line.contains("metric 10 ") || line.endsWith("metric 10")) {
                return line.contains("dev wwan0") ? "wwan0" : line.contains("dev eth0") ? "eth0" : "other";
            }
        }
        return "none";
    }

    /** Packets a named counter of the agent's firewall table counted so far. */
    public long counterPackets(String name) {
        String json = run("rtr", "nft", "-j", "list", "counter", "inet", "dialtone", name);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"packets\":\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Whether {@code argv} in namespace {@code name} succeeds (a connection, a transfer) within 3 s. */
    public boolean succeeds(String name, String... argv) {
        List<String> command = new ArrayList<>(List.of("timeout", "3"));
        command.addAll(List.of(argv));
        return exec(name, command.toArray(String[]::new)).ok();
    }

    /** Remembers a process started for this lab, to stop it (by PID) before the namespaces go. */
    public <T extends AutoCloseable> T keep(T process) {
        started.add(process);
        return process;
    }

    public Path tempDir(String name) throws Exception {
        return Files.createTempDirectory(prefix + "-" + name);
    }

    @Override
    public void close() {
        for (AutoCloseable process : started.reversed()) {
            try {
                process.close();
            } catch (Exception e) {
                // go on: the namespaces must go whatever happened
            }
        }
        script("topo.sh", "down", prefix);
    }

    private void script(String name, String... args) {
        List<String> command =
                new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessResult result = runner.run(command, null, Duration.ofSeconds(60));
        if (!result.ok()) {
            throw new AssertionError(name + " " + String.join(" ", args) + " failed: " + result.stderrTail());
        }
    }
}
