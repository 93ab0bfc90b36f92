package dialtone.agent.e911;

import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.HalException;
import dialtone.hal.modem.ModemStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Watches for the box being carried elsewhere: a sighting of the surroundings every minute, learned
 * into the fingerprint for a day after the location is confirmed, then judged by {@link MoveJudge}
 * over the last ten minutes. SUSPECT is an event; MOVED for fifteen minutes marks the location
 * unverified (the address itself is never changed by a guess, and calls go on as before). While the
 * verdict is STAY, new cells of the known tracking areas are learned (normal cell reselection).
 */
public final class MoveWatch implements Service {

    public record Settings(Duration every, Duration window, Duration learning, Duration persist) {
        public static final Settings DEFAULT = new Settings(
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofMinutes(15));
    }

    /** Where the sightings come from; each may throw a {@code HalException} (then that part is unknown). */
    public record Ports(
            Supplier<ModemStatus> modem, Supplier<Optional<String>> gatewayMac, Supplier<Set<String>> upstream) {}

    private final LocationService locations;
    private final Ports ports;
    private final Settings settings;
    private final EventLog events;
    private final java.time.Clock clock;
    private final Periodic looks;
    private final Deque<Sighting> window = new ArrayDeque<>();
    private boolean suspectTold;
    private Instant movedSince;

    public MoveWatch(
            LocationService locations, Ports ports, Settings settings, EventLog events, java.time.Clock clock) {
        this.locations = locations;
        this.ports = ports;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.looks = new Periodic("move-watch", settings.every(), settings.every(), Duration.ofSeconds(5), this::look);
    }

    @Override
    public String name() {
        return "move watch";
    }

    @Override
    public void start() {
        looks.start();
    }

    @Override
    public void stop() {
        looks.stop();
    }

    /** One sighting and its judgement; never throws. */
    synchronized void look() {
        try {
            Optional<LocationEntry> registered = locations.view().registered();
            if (registered.isEmpty() || !registered.get().status().equals("registered")) {
                window.clear(); // nothing to protect, or already waiting for someone on site
                return;
            }
            Instant now = clock.instant();
            Instant confirmedAt = registered.get().confirmedAt();
            Sighting sighting = sight(now);
            window.addLast(sighting);
            while (window.getFirst().at().isBefore(now.minus(settings.window()))) {
                window.removeFirst();
            }
            LocationStore store = locations.store();
            SiteFingerprint learned = store.fingerprint(confirmedAt).orElse(SiteFingerprint.EMPTY);
            if (now.isBefore(confirmedAt.plus(settings.learning()))) {
                learn(store, confirmedAt, learned, sighting);
                return;
            }
            MoveJudge.Judgement judgement = MoveJudge.judge(learned, List.copyOf(window));
            switch (judgement.verdict()) {
                case STAY -> {
                    suspectTold = false;
                    movedSince = null;
                    if (sighting.tac() == null || learned.tacs().contains(sighting.tac())) {
                        learn(store, confirmedAt, learned, sighting);
                    }
                }
                case SUSPECT -> {
                    movedSince = null;
                    if (!suspectTold) {
                        suspectTold = true;
                        events.append(
                                "location-move-suspected",
                                "warning",
                                "The box may have been moved: " + String.join("; ", judgement.reasons()),
                                Map.of("reasons", judgement.reasons()));
                    }
                }
                case MOVED -> {
                    movedSince = movedSince == null ? now : movedSince;
                    if (!now.isBefore(movedSince.plus(settings.persist()))) {
                        locations.suspectMove(String.join("; ", judgement.reasons()));
                        movedSince = null;
                    }
                }
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in the move watch; it looks again in a minute");
        }
    }

    /** Writes the fingerprint only when the sighting taught it something: the SD card is spared a write a minute. */
    private static void learn(LocationStore store, Instant confirmedAt, SiteFingerprint learned, Sighting sighting) {
        SiteFingerprint next = learned.learn(sighting);
        if (!next.equals(learned)) {
            store.keep(confirmedAt, next);
        }
    }

    private Sighting sight(Instant now) {
        ModemStatus modem = quietly(ports.modem(), ModemStatus.ABSENT);
        return new Sighting(
                now,
                modem.cell() == null ? null : modem.cell().cellId(),
                modem.cell() == null ? null : modem.cell().tac(),
                modem.position(),
                quietly(ports.gatewayMac(), Optional.<String>empty()).orElse(null),
                quietly(ports.upstream(), Set.<String>of()));
    }

    private static <T> T quietly(Supplier<T> source, T unknown) {
        try {
            return source.get();
        } catch (HalException e) {
            return unknown;
        }
    }
}
