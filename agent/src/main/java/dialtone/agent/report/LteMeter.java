package dialtone.agent.report;

import dialtone.agent.store.Settings;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The agent's own MQTT bytes over LTE in this billing cycle, against its budget. Estimated per
 * packet from the costs measured over TLS 1.3 (research/anchors-mqtt.md §4: a QoS 1 PUBLISH adds
 * about 115 bytes to its topic and payload, its PUBACK about 131, a keepalive cycle 220, a full
 * mutual-TLS connect 5.5 KB); bench/README.md compares the estimate with nftables' count. Kept in
 * SQLite, so a restart does not forget it; a new billing cycle starts it at zero.
 */
public final class LteMeter {
    static final String KEY = "mqtt.lte-bytes";
    static final int PUBLISH_OVERHEAD = 115;
    static final int PUBACK = 131;
    static final int KEEPALIVE = 220;
    static final int CONNECT_TLS = 5_500;
    static final int CONNECT_TCP = 300;

    private final Settings settings;
    private final Supplier<String> cycle;
    private final BooleanSupplier onLte;
    private final long budget;
    private long sinceKeepAlive;

    /**
     * @param cycle names the current billing cycle (its start)
     * @param budget bytes per cycle
     */
    public LteMeter(Settings settings, Supplier<String> cycle, BooleanSupplier onLte, long budget) {
        this.settings = settings;
        this.cycle = cycle;
        this.onLte = onLte;
        this.budget = budget;
    }

    public long budget() {
        return budget;
    }

    /** Bytes used this cycle. */
    public synchronized long used() {
        String current = cycle.get();
        return settings.get(KEY)
                .filter(value -> value.startsWith(current + " "))
                .map(value -> Long.parseLong(value.substring(current.length() + 1)))
                .orElse(0L);
    }

    /** Whether the budget is spent. */
    public boolean spent() {
        return used() >= budget;
    }

    boolean onLte() {
        return onLte.getAsBoolean();
    }

    /** A QoS 1 message either way (sent, or received and acknowledged). */
    void message(String topic, int payloadBytes) {
        add(topic.length() + payloadBytes + PUBLISH_OVERHEAD + PUBACK);
    }

    void connected(boolean tls) {
        add(tls ? CONNECT_TLS : CONNECT_TCP);
    }

    /** Time connected passed: a keepalive cycle per {@code keepAlive} of it. */
    synchronized void connectedFor(Duration elapsed, Duration keepAlive) {
        if (!onLte.getAsBoolean()) {
            sinceKeepAlive = 0;
            return;
        }
        sinceKeepAlive += elapsed.toMillis();
        long cycles = sinceKeepAlive / keepAlive.toMillis();
        sinceKeepAlive %= keepAlive.toMillis();
        if (cycles > 0) {
            add(cycles * KEEPALIVE);
        }
    }

    private synchronized void add(long bytes) {
        if (onLte.getAsBoolean()) {
            settings.put(KEY, cycle.get() + " " + (used() + bytes));
        }
    }
}
