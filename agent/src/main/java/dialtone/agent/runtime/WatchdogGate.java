package dialtone.agent.runtime;

import dialtone.agent.events.EventLog;
import dialtone.hal.sys.Watchdog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * Pets the supervisor's watchdog only while every critical loop makes progress. A loop silent for
 * longer than its limit stops the petting, so systemd restarts the hung agent one watchdog timeout
 * later; a loop that recovers before that resumes it. The first check of a stall says which loop in
 * the log, the event log and {@code systemctl status}: after the restart, that is the why.
 */
public final class WatchdogGate implements Service {
    /** How often the loops are checked when no supervisor watches (a stall is still reported). */
    static final Duration UNSUPERVISED_EVERY = Duration.ofSeconds(10);

    /** A critical loop, and how long it may go without finishing a round. */
    public record Loop(String name, Progress progress, Duration maxSilence) {}

    /** A loop past its limit, silent for {@code silent}. */
    record Stall(Loop loop, Duration silent) {}

    private final Watchdog watchdog;
    private final List<Loop> loops;
    private final EventLog events;
    private final LongSupplier nanoTime;
    private final Periodic checks;
    private List<Stall> stalled = List.of();

    public WatchdogGate(Watchdog watchdog, List<Loop> loops, EventLog events, LongSupplier nanoTime) {
        this.watchdog = watchdog;
        this.loops = List.copyOf(loops);
        this.events = events;
        this.nanoTime = nanoTime;
        Duration every = watchdog.timeout().map(t -> t.dividedBy(3)).orElse(UNSUPERVISED_EVERY);
        this.checks = new Periodic("watchdog", Duration.ZERO, every, Duration.ofSeconds(1), this::check);
    }

    @Override
    public String name() {
        return "watchdog gate";
    }

    @Override
    public void start() {
        checks.start();
    }

    @Override
    public void stop() {
        checks.stop();
    }

    /** The loops silent for longer than they may be at {@code now} ({@link System#nanoTime()} scale). */
    static List<Stall> stalls(List<Loop> loops, long now) {
        return loops.stream()
                .map(loop ->
                        new Stall(loop, Duration.ofNanos(now - loop.progress().lastRound())))
                .filter(stall -> stall.silent().compareTo(stall.loop().maxSilence()) > 0)
                .toList();
    }

    /** One check, on the gate's thread. Never throws; a stall's report cannot stop a healthy pet. */
    void check() {
        List<Stall> now;
        try {
            now = stalls(loops, nanoTime.getAsLong());
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in the watchdog gate: not petting");
            return;
        }
        if (now.isEmpty()) {
            watchdog.pet();
            if (!stalled.isEmpty()) {
                Logger.info("The stalled loops make progress again: petting the watchdog again");
                watchdog.status("serving");
            }
        } else if (stalled.isEmpty()) {
            report(now);
        }
        stalled = now;
    }

    private void report(List<Stall> stalls) {
        String which = stalls.stream()
                .map(s -> String.format(
                        Locale.ROOT,
                        "%s (silent %.1f s)",
                        s.loop().name(),
                        s.silent().toMillis() / 1000.0))
                .collect(Collectors.joining(", "));
        String message = "Critical loop stalled: " + which + "; the watchdog is no longer petted"
                + watchdog.timeout()
                        .map(t -> ", systemd restarts the agent within " + t.toSeconds() + " s")
                        .orElse("");
        Logger.error(message);
        watchdog.status("stalled: " + which);
        Map<String, Object> facts = new LinkedHashMap<>();
        stalls.forEach(s -> facts.put(s.loop().name(), s.silent().toSeconds()));
        try {
            events.append("watchdog-stall", "error", message, facts);
        } catch (RuntimeException e) {
            Logger.warn("The stall could not be recorded: {}", e.getMessage());
        }
    }
}
