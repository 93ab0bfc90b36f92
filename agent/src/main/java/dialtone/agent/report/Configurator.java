package dialtone.agent.report;

import dialtone.agent.config.ConfigLoader;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Settings;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration from afar: shows the effective values, checks a new remote layer exactly as a
 * start would (every problem at once, nothing half-applied), keeps an accepted one with its
 * version and restarts the agent to take it (the services read their settings once; a restart
 * leaves routes, firewall and calls alone). The device's id and what provisioning set in the
 * environment cannot be changed from here.
 */
public final class Configurator {
    private final ConfigLoader loader;
    private final RemoteConfig applied;
    private final Settings settings;
    private final EventLog events;
    private final Runnable restart;
    private boolean restarting;

    /** @param applied the remote layer the running configuration was built with */
    public Configurator(
            ConfigLoader loader, RemoteConfig applied, Settings settings, EventLog events, Runnable restart) {
        this.loader = loader;
        this.applied = applied;
        this.settings = settings;
        this.events = events;
        this.restart = restart;
    }

    long appliedVersion() {
        return applied.version();
    }

    /** The version and every key's effective value and source; secrets as {@code ****}. */
    public Map<String, Object> describe() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", applied.version());
        body.put("keys", loader.describe(applied.values()));
        return body;
    }

    /** What a change came to: the version now in force or coming, and every problem (then nothing changed). */
    public record Change(long version, boolean restarting, SortedMap<String, String> problems) {}

    /**
     * Sets and removes keys of the remote layer (operations' or the installer's): checked exactly as
     * a start would check the result, kept with the next version and taken by a restart; on any
     * problem nothing changes. A layer that comes to the same values changes nothing.
     */
    public synchronized Change change(Map<String, String> set, Collection<String> unset, String by) {
        if (restarting) {
            return new Change(
                    applied.version() + 1,
                    true,
                    new TreeMap<>(Map.of("version", "another change is being applied; try again after the restart")));
        }
        Map<String, String> values = new LinkedHashMap<>(applied.values());
        values.putAll(set);
        unset.forEach(values::remove);
        if (values.equals(applied.values())) {
            return new Change(applied.version(), false, new TreeMap<>());
        }
        SortedMap<String, String> problems = problems(values);
        if (!problems.isEmpty()) {
            return new Change(applied.version(), false, problems);
        }
        apply(new RemoteConfig(applied.version() + 1, values), by);
        return new Change(applied.version() + 1, true, problems);
    }

    /** Every problem the layer {@code values} would give, key by key; empty when it may be applied. */
    SortedMap<String, String> problems(Map<String, String> values) {
        SortedMap<String, String> problems = new TreeMap<>();
        values.keySet().forEach(key -> {
            if (key.equals("device.id")) {
                problems.put(key, "the device's identity is provisioning's, not to be changed from afar");
            } else if (loader.provisioned(key)) {
                problems.put(key, "set by provisioning in the environment; it would stay in force");
            }
        });
        loader.validate(values).problems().forEach(problems::putIfAbsent);
        return problems;
    }

    /** Keeps {@code next} (checked before) and the event that says so, together; then restarts the agent. */
    synchronized void apply(RemoteConfig next, String by) {
        restarting = true;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", next.version());
        facts.put("keys", String.join(",", next.values().keySet()));
        facts.put("by", by);
        events.appendWith(
                "config-changed",
                "warning",
                "Configuration version " + next.version() + " set by " + by + "; the agent restarts to apply it",
                facts,
                next.storing(settings));
        Thread.ofPlatform().name("config-restart").start(() -> {
            try {
                Thread.sleep(2000); // the response and the event go out first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restart.run();
        });
    }
}
