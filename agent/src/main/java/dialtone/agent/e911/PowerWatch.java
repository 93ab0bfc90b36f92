package dialtone.agent.e911;

import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.LastExit;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.agent.store.DatabaseException;
import dialtone.agent.store.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Notices, at start, that the box was off: no orderly stop was recorded, and the kernel's boot id
 * changed (a power cut or a hard reset; the same boot id is only the agent restarting after a
 * crash, and systemd's record of that stop says why). The event says for how long, to within
 * {@link #BEAT}: no 911 call could go through the box then. A beat every five minutes keeps SD-card
 * writes rare.
 */
public final class PowerWatch implements Service {
    static final Duration BEAT = Duration.ofMinutes(5);
    static final String ALIVE = "power.alive-at";
    static final String BOOT = "power.boot-id";
    static final String CLEAN = "power.stopped-cleanly";

    private final Settings settings;
    private final EventLog events;
    private final Clock clock;
    private final Supplier<String> bootId;
    private final Supplier<Optional<LastExit>> lastExit;
    private final Periodic beats;

    /** @param lastExit systemd's record of the previous stop, taken once at start */
    public PowerWatch(
            Settings settings,
            EventLog events,
            Clock clock,
            Supplier<String> bootId,
            Supplier<Optional<LastExit>> lastExit) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.bootId = bootId;
        this.lastExit = lastExit;
        this.beats = new Periodic("power-watch", BEAT, BEAT, Duration.ofSeconds(2), this::beat);
    }

    @Override
    public String name() {
        return "power watch";
    }

    /** A database that cannot be written (a full card) costs this record, never the agent's start. */
    @Override
    public void start() {
        Optional<LastExit> exit = lastExit.get();
        try {
            lookBack(exit);
            settings.put(CLEAN, "no");
            settings.put(BOOT, bootId.get());
        } catch (DatabaseException e) {
            Logger.warn("Power watch cannot use the database: {}", e.getMessage());
        }
        beat();
        beats.start();
    }

    @Override
    public void stop() {
        beats.stop();
        beat();
        try {
            settings.put(CLEAN, "yes");
        } catch (DatabaseException e) {
            Logger.warn("Power watch cannot record the orderly stop: {}", e.getMessage());
        }
    }

    private void lookBack(Optional<LastExit> exit) {
        var aliveAt = settings.get(ALIVE).map(Instant::parse);
        if (aliveAt.isEmpty() || settings.get(CLEAN).filter("yes"::equals).isPresent()) {
            return; // a first start, or an orderly stop
        }
        boolean rebooted = !settings.get(BOOT).orElse("").equals(bootId.get());
        Duration off = Duration.between(aliveAt.get(), clock.instant());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("lastAliveAt", aliveAt.get().toString());
        if (!off.isNegative()) {
            facts.put("offMinutes", off.toMinutes());
        }
        if (rebooted) {
            events.append(
                    "power-loss",
                    "warning",
                    "The box lost power (or was reset) after " + aliveAt.get()
                            + (off.isNegative() ? "" : ", off for about " + off.toMinutes() + " min")
                            + ": no call, 911 included, could go through it then",
                    facts);
        } else {
            exit.ifPresent(e -> facts.put("systemdResult", e.result()));
            events.append(
                    exit.filter(LastExit::hung).isPresent() ? "agent-hung" : "agent-crashed",
                    "error",
                    "The agent stopped without an orderly shutdown"
                            + exit.map(e -> " (" + e.describe() + ")").orElse("")
                            + " and was restarted",
                    facts);
        }
    }

    /** Never throws: it runs on the periodic thread. */
    private void beat() {
        try {
            settings.put(ALIVE, clock.instant().toString());
        } catch (DatabaseException e) {
            Logger.warn("Power watch cannot note the time: {}", e.getMessage());
        }
    }
}
