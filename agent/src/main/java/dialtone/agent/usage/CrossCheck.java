package dialtone.agent.usage;

import dialtone.hal.firewall.Counter;
import dialtone.hal.net.ByteCounters;
import dialtone.hal.net.NetworkLinks;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Compares, every hour, the firewall's IP-level LTE bytes with the interface's own counters, which
 * add a link-layer header per packet (14 B on an Ethernet-type link, none on a raw-IP modem).
 * Beyond that they should agree; when they do not, the log says so (a driver, a rule or a modem
 * that counts differently), so nobody trusts a meter that drifted silently.
 */
public final class CrossCheck {
    static final Duration EVERY = Duration.ofHours(1);
    static final double MAX_HEADER_BYTES = 20;

    private final NetworkLinks links;
    private final String lte;
    private final LongSupplier monotonicMs;
    private ByteCounters lastInterface;
    private long lastCheck;
    private long ipBytes;
    private long ipPackets;

    public CrossCheck(NetworkLinks links, String lteInterface, LongSupplier monotonicMs) {
        this.links = links;
        this.lte = lteInterface;
        this.monotonicMs = monotonicMs;
        this.lastCheck = monotonicMs.getAsLong();
    }

    synchronized void add(Counter ipLevel) {
        ipBytes += ipLevel.bytes();
        ipPackets += ipLevel.packets();
        if (monotonicMs.getAsLong() - lastCheck >= EVERY.toMillis()) {
            check();
        }
    }

    private void check() {
        Optional<ByteCounters> now = links.link(lte).map(l -> l.counters());
        if (now.isPresent() && lastInterface != null) {
            long interfaceBytes = delta(lastInterface.rxBytes(), now.get().rxBytes())
                    + delta(lastInterface.txBytes(), now.get().txBytes());
            verdict(interfaceBytes, ipBytes, ipPackets).ifPresent(Logger::warn);
        }
        lastInterface = now.orElse(null);
        lastCheck = monotonicMs.getAsLong();
        ipBytes = 0;
        ipPackets = 0;
    }

    /** Growth of a counter that may have been reset (interface re-created, driver reloaded) since. */
    static long delta(long before, long now) {
        return now >= before ? now - before : now;
    }

    /** A warning when the interface's extra bytes per packet are outside what headers explain. */
    static Optional<String> verdict(long interfaceBytes, long ipBytes, long ipPackets) {
        if (ipPackets < 100) {
            return Optional.empty();
        }
        double extraPerPacket = (double) (interfaceBytes - ipBytes) / ipPackets;
        if (extraPerPacket >= -1 && extraPerPacket <= MAX_HEADER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "LTE meter cross-check: the interface counted %d "
                        + "bytes, the firewall %d IP bytes in %d packets (%.1f bytes per packet apart, headers explain 0-14)",
                interfaceBytes,
                ipBytes,
                ipPackets,
                extraPerPacket));
    }
}
