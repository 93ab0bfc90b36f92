package dialtone.agent.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged agent on the lab's router, with its Linux adapters, started as on a box ({@code java
 * @systemd/jvm.options -jar dialtone-agent.jar --config ...}); the LTE "modem" is an Ethernet link.
 */
public final class LabAgent implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    public static final String PASSWORD = "lab-installer-1";

    final LabProcess process;
    final Path state;

    private LabAgent(LabProcess process, Path state) {
        this.process = process;
        this.state = state;
    }

    /** @param extraConfig further {@code key = value} lines (e.g. a short hold time) */
    public static LabAgent start(Lab lab, Path dir, String... extraConfig) throws Exception {
        Path config = dir.resolve("agent.conf");
        List<String> lines = new ArrayList<>(List.of(
                "device.id = lab-box",
                "site.name = Lab",
                "uplink.primary.interface = eth0",
                "uplink.lte.interface = wwan0",
                "lan.interface = eth1",
                "lte.modem = ethernet",
                "sbc.hosts = " + Lab.SBC,
                "probe.targets = icmp:198.51.100.53, icmp:198.51.100.54, sip:" + Lab.SBC));
        for (String extra : extraConfig) { // a later line for the same key replaces the base one
            String key = extra.substring(0, extra.indexOf('=')).strip();
            lines.removeIf(line -> line.substring(0, line.indexOf('=')).strip().equals(key));
            lines.add(extra);
        }
        Files.write(config, lines);
        Path state = dir.resolve("state");
        LabProcess agent = LabProcess.start(
                lab,
                "rtr",
                dir,
                List.of(
                        "env",
                        "DIALTONE_INSTALLER_PASSWORD=" + PASSWORD,
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + REPO.resolve("systemd/jvm.options"),
                        "-jar",
                        REPO.resolve("agent/target/dialtone-agent.jar").toString(),
                        "--config",
                        config.toString(),
                        "--data-dir",
                        state.toString()));
        LabAgent labAgent = new LabAgent(agent, state);
        labAgent.awaitLog("ready in", 30_000);
        return labAgent;
    }

    public void awaitLog(String text, long limitMs) throws InterruptedException {
        long deadline = System.nanoTime() + limitMs * 1_000_000;
        while (!process.output().contains(text)) {
            if (!process.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("agent never logged '" + text + "':\n" + process.output());
            }
            Thread.sleep(50);
        }
    }

    /** What the agent's ledger holds: all LTE bytes it metered (read from its database, as a reader). */
    public long meteredBytes() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("dialtone.db"));
                PreparedStatement query = db.prepareStatement(
                        "SELECT coalesce(sum(rx + tx), 0) + (SELECT coalesce(sum(rx + tx), 0) FROM usage_pending) "
                                + "FROM usage_hours");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** SQLite's own full check of the agent's database. */
    public String integrity() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("dialtone.db"));
                PreparedStatement query = db.prepareStatement("PRAGMA integrity_check");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** SIGKILL: no shutdown hook, no last read. */
    public void kill() throws InterruptedException {
        process.process.destroyForcibly();
        process.process.waitFor();
    }

    /** The event types in the agent's log, oldest first (read from its database, as a reader). */
    public List<String> events() throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("dialtone.db"));
                PreparedStatement query = db.prepareStatement("SELECT type FROM events ORDER BY seq");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types;
    }

    /** The agent's data directory (database, keys). */
    public Path stateDir() {
        return state;
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
