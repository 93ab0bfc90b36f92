package dialtone.agent.modem;

import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.HalException;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.tinylog.Logger;

/**
 * Antenna placement: while on, reads the modem's signal every second (free: no cellular data) on
 * its own thread, keeps the last five minutes and the best reading since it was turned on. Off by
 * itself after {@link #LENGTH}, so a forgotten session costs nothing for long.
 */
public final class AntennaMode implements Service {
    public static final Duration LENGTH = Duration.ofMinutes(10);
    static final int KEEP = 300;

    public record Reading(Instant at, Signal signal, AntennaVerdict verdict) {}

    /** @param readings newest first */
    public record Report(boolean active, Instant until, List<Reading> readings, Reading best) {}

    private static final Comparator<Reading> STRENGTH = Comparator.comparing((Reading r) ->
            r.signal().rsrpDbm() == null ? Double.NEGATIVE_INFINITY : r.signal().rsrpDbm());

    private final LteModem modem;
    private final Clock clock;
    private final Deque<Reading> readings = new ArrayDeque<>();
    private Reading best;
    private Instant until;
    private final Periodic reads;

    public AntennaMode(LteModem modem, Clock clock, Duration every) {
        this.modem = modem;
        this.clock = clock;
        this.reads = new Periodic("antenna-mode", Duration.ZERO, every, Duration.ofSeconds(2), this::read);
    }

    @Override
    public String name() {
        return "antenna mode";
    }

    @Override
    public void start() {
        // on request only
    }

    @Override
    public synchronized void stop() {
        until = null;
        reads.stop();
    }

    /** Turns the mode on, or keeps it on for a full {@link #LENGTH} from now. */
    public synchronized Report begin() {
        if (until == null) {
            readings.clear();
            best = null;
        }
        until = clock.instant().plus(LENGTH);
        reads.start();
        return report();
    }

    public synchronized Report end() {
        stop();
        return report();
    }

    public synchronized Report report() {
        return new Report(until != null, until, List.copyOf(readings), best);
    }

    /** One reading; never throws (an exception escaping a periodic task would end them). */
    void read() {
        try {
            if (expired()) {
                stop();
                return;
            }
            Signal signal = modem.status().signal();
            add(new Reading(clock.instant(), signal, AntennaVerdict.of(signal)));
        } catch (HalException e) {
            Logger.debug("No antenna reading: {}", e.getMessage());
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in antenna mode; it goes on at the next reading");
        }
    }

    private synchronized boolean expired() {
        return until == null || !clock.instant().isBefore(until);
    }

    private synchronized void add(Reading reading) {
        readings.addFirst(reading);
        while (readings.size() > KEEP) {
            readings.removeLast();
        }
        if (best == null || STRENGTH.compare(reading, best) > 0) {
            best = reading;
        }
    }
}
