package dialtone.hal.firewall;

import dialtone.hal.Uplink;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The agent's own packet-filter table. {@link #apply} is all-or-nothing: on failure the previous
 * ruleset stays in force and a {@code HalException} says why. The Linux adapter renders the
 * {@link Ruleset} into one nftables table and loads it with {@code nft -f} in one transaction.
 */
public interface Firewall {

    void apply(Ruleset ruleset);

    /** The ruleset last applied successfully ({@link Ruleset#EMPTY} before the first). */
    Ruleset active();

    /**
     * The IP bytes the LTE uplink carried since the last call, read and zeroed in the same step so
     * none is counted twice or lost between the read and the reset. Received bytes are counted
     * before any filter (the carrier billed them), sent bytes after.
     */
    LteBytes readAndResetLteBytes();

    /** The active ruleset's named counters, cumulative since the table was set up. */
    Map<String, Counter> ruleCounters();

    /** Where the LAN or the box tried to send over LTE and was stopped, last hour, most packets first. */
    List<Blocked> recentlyBlocked();

    /**
     * Drops everything leaving through {@code uplink} while {@code blocked}: the installer's failover
     * test cuts the primary this way. Every adapter starts unblocked, so a test interrupted by a
     * crash cannot outlive the agent's next start.
     */
    void block(Uplink uplink, boolean blocked);

    record LteBytes(Counter received, Counter sent) {
        public static final LteBytes ZERO = new LteBytes(Counter.ZERO, Counter.ZERO);
    }

    record Blocked(InetAddress destination, long packets, long bytes) {}
}
