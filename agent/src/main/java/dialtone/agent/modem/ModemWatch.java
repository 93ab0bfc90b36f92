package dialtone.agent.modem;

import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Progress;
import dialtone.agent.runtime.Service;
import dialtone.hal.HalException;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Reads the modem's status every few seconds (free: no cellular data) and keeps the last answer.
 * A modem that stops answering (or answers garbage) keeps its last known status, marked stale with
 * the reason, until it answers again; {@link ModemRecovery} decides what to do about it.
 */
public final class ModemWatch implements Service, Progress {
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private final LteModem modem;
    private final List<Consumer<ModemStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ModemStatus status = ModemStatus.ABSENT;
    private volatile String silence = "not read yet";
    private final Periodic reads =
            new Periodic("modem-watch", Duration.ZERO, INTERVAL, Duration.ofSeconds(2), this::read);

    public ModemWatch(LteModem modem) {
        this.modem = modem;
    }

    @Override
    public String name() {
        return "modem watch";
    }

    @Override
    public void start() {
        reads.start();
    }

    @Override
    public void stop() {
        reads.stop();
    }

    /** A reading ended, answered or not: the watch is not stuck. */
    @Override
    public long lastRound() {
        return reads.lastRound();
    }

    /** The last answer, fresh or not. */
    public ModemStatus status() {
        return status;
    }

    /** Why the last reading got no answer, or {@code null} when it got one: {@link #status()} is then stale. */
    public String silence() {
        return silence;
    }

    /** {@code listener} hears every answered reading, on the watch's thread: hand it on, do not block. */
    public void onStatus(Consumer<ModemStatus> listener) {
        listeners.add(listener);
    }

    /** Never throws: an exception escaping a periodic task would silently end the watch. */
    void read() {
        try {
            ModemStatus now = modem.status();
            if (now.registered() != status.registered()) {
                Logger.info("LTE modem {}", now.registered() ? "registered on " + now.operator() : "not registered");
            }
            status = now;
            silence = null;
            listeners.forEach(listener -> listener.accept(now));
        } catch (HalException e) {
            if (silence == null) {
                Logger.warn("LTE modem did not answer: {}", e.getMessage());
            }
            silence = e.getMessage();
        } catch (RuntimeException e) {
            Logger.error(e, "Bug while reading the modem; watching goes on");
        }
    }
}
