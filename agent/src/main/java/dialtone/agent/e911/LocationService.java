package dialtone.agent.e911;

import dialtone.agent.e911.LocationStore.Slot;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The site's one registered 911 location: set on site (registered at once), or proposed from afar
 * and confirmed on site; marked unverified when the box seems to have moved, until someone on site
 * confirms it again. Every change is an audited event (who, via what, the old and the new). Nothing
 * here touches calls: an unverified location never disables voice, least of all 911.
 */
public final class LocationService {

    public enum Status {
        REGISTERED,
        UNVERIFIED,
        MISSING
    }

    /** What is registered (empty when nothing is), and a proposal waiting for confirmation. */
    public record View(Status status, Optional<LocationEntry> registered, Optional<LocationEntry> proposed) {}

    /** The outcome of a change: the view after it, or the field problems (then nothing changed). */
    public record Change(View view, Map<String, String> problems) {
        public boolean done() {
            return problems.isEmpty();
        }
    }

    private final LocationStore store;
    private final EventLog events;
    private final Clock clock;
    private final List<Consumer<Location>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Status>> watchers = new CopyOnWriteArrayList<>();

    public LocationService(Database database, EventLog events, Clock clock) {
        this.store = new LocationStore(database);
        this.events = events;
        this.clock = clock;
    }

    LocationStore store() {
        return store;
    }

    /** {@code listener} hears every newly registered location (the LLDP-MED advertisement, MQTT). */
    public void onRegistered(Consumer<Location> listener) {
        listeners.add(listener);
    }

    /** {@code watcher} hears the status now and after every change (the front panel's 911 LED). */
    public void onStatus(Consumer<Status> watcher) {
        watchers.add(watcher);
        watcher.accept(status());
    }

    private void changed() {
        Status now = status();
        watchers.forEach(w -> w.accept(now));
    }

    public synchronized View view() {
        Optional<LocationEntry> registered = store.read(Slot.REGISTERED);
        Status status =
                registered.map(e -> Status.valueOf(e.status().toUpperCase())).orElse(Status.MISSING);
        return new View(status, registered, store.read(Slot.PROPOSED));
    }

    public Status status() {
        return view().status();
    }

    /** Registers {@code location} at once: whoever sets it is on site (the installer's page). */
    public synchronized Change register(Location location, String by, String via) {
        LocationValidator.Result checked = LocationValidator.validate(location);
        if (!checked.valid()) {
            return new Change(view(), checked.problems());
        }
        Optional<LocationEntry> old = store.read(Slot.REGISTERED);
        LocationEntry entry = new LocationEntry(
                checked.location(),
                "registered",
                null,
                old.map(LocationEntry::version).orElse(0) + 1,
                clock.instant(),
                by,
                via,
                clock.instant());
        store.promote(entry);
        audit(
                "location-changed",
                "911 location set by " + by + " (" + via + "): "
                        + entry.location().oneLine(),
                old,
                entry);
        listeners.forEach(l -> l.accept(entry.location()));
        changed();
        return new Change(view(), Map.of());
    }

    /** Stages {@code location} for someone on site to confirm (operations, over MQTT). */
    public synchronized Change propose(Location location, String by, String via) {
        LocationValidator.Result checked = LocationValidator.validate(location);
        if (!checked.valid()) {
            return new Change(view(), checked.problems());
        }
        LocationEntry entry =
                new LocationEntry(checked.location(), "proposed", null, 0, clock.instant(), by, via, null);
        store.write(Slot.PROPOSED, entry);
        audit(
                "location-proposed",
                "911 location proposed by " + by + " (" + via + "), waiting for confirmation on site: "
                        + entry.location().oneLine(),
                store.read(Slot.REGISTERED),
                entry);
        return new Change(view(), Map.of());
    }

    /**
     * Someone on site confirms: the proposal when there is one, else the registered location as it
     * stands (after a suspected move). Nothing to confirm is a problem, not a silent success.
     */
    public synchronized Change confirm(String by, String via) {
        Optional<LocationEntry> proposed = store.read(Slot.PROPOSED);
        if (proposed.isPresent()) {
            return register(proposed.get().location(), by, via);
        }
        Optional<LocationEntry> registered = store.read(Slot.REGISTERED);
        if (registered.isEmpty()) {
            return new Change(view(), Map.of("location", "no 911 location is set: enter the address first"));
        }
        LocationEntry old = registered.get();
        store.write(Slot.REGISTERED, old.confirmed(clock.instant()));
        events.append(
                "location-confirmed",
                "info",
                "911 location confirmed on site by " + by + " (" + via + "): "
                        + old.location().oneLine(),
                Map.of("by", by, "via", via, "version", old.version()));
        changed();
        return new Change(view(), Map.of());
    }

    /** The box seems to have moved: the location stays (never a guess) but is marked unverified. */
    public synchronized void suspectMove(String reason) {
        Optional<LocationEntry> registered = store.read(Slot.REGISTERED);
        if (registered.isEmpty() || registered.get().status().equals("unverified")) {
            return;
        }
        LocationEntry old = registered.get();
        store.write(Slot.REGISTERED, old.unverified(reason));
        events.append(
                "location-unverified",
                "error",
                "The box may have moved (" + reason + "): confirm the 911 location on site. 911 calls still work.",
                Map.of("reason", reason, "location", old.location().oneLine()));
        changed();
    }

    private void audit(String type, String message, Optional<LocationEntry> old, LocationEntry now) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("by", now.changedBy());
        facts.put("via", now.changedVia());
        facts.put("version", now.version());
        old.ifPresent(o -> facts.put("old", o.location().fields()));
        facts.put("new", now.location().fields());
        events.append(type, "info", message, facts);
    }
}
