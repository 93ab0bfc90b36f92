package dialtone.agent.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A desk phone on the LAN: sipp sending REGISTER to the SBC every 2 s (lab/reg-loop.xml), each
 * attempt logged as OK or TIMEOUT with its time since start, so registration gaps are measurable.
 */
public final class Phone implements AutoCloseable {
    /** One REGISTER attempt: when (ms since the phone started), and whether the SBC said 200 OK. */
    public record Attempt(long atMs, boolean ok) {}

    private final LabProcess sipp;
    private final Path log;
    private final long startedNanos;

    private Phone(LabProcess sipp, Path log, long startedNanos) {
        this.sipp = sipp;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts the REGISTER loop for at most {@code limit}. */
    public static Phone start(Lab lab, Path dir, Duration limit) throws Exception {
        Path log = dir.resolve("register.log");
        long started = System.nanoTime();
        LabProcess sipp = LabProcess.start(
                lab,
                "lan",
                dir,
                List.of(
                        "timeout",
                        String.valueOf(limit.toSeconds()),
                        "sipp",
                        Lab.SBC + ":5060",
                        "-sf",
                        Lab.SCRIPTS.resolve("reg-loop.xml").toString(),
                        "-i",
                        "198.18.50.10",
                        "-p",
                        "5060",
                        "-m",
                        "1",
                        "-l",
                        "1",
                        "-trace_logs",
                        "-log_file",
                        log.toString(),
                        "-nostdin"));
        return new Phone(sipp, log, started);
    }

    /** Milliseconds since this phone started, on the test's monotonic clock. */
    public long now() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    public List<Attempt> attempts() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        if (!Files.exists(log)) {
            return attempts;
        }
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[0].matches("\\d+")) {
                attempts.add(new Attempt(Long.parseLong(parts[0]), parts[1].equals("OK")));
            }
        }
        return attempts;
    }

    /** The first registration that succeeded after {@code sinceMs}, if any yet. */
    public Optional<Attempt> firstOkAfter(long sinceMs) throws Exception {
        return attempts().stream().filter(a -> a.atMs() > sinceMs && a.ok()).findFirst();
    }

    public String output() {
        return sipp.output();
    }

    @Override
    public void close() throws InterruptedException {
        sipp.close();
    }
}
