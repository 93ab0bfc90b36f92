package dialtone.hal.firewall;

import java.util.Map;

/**
 * The agent's own packet-filter table. {@link #apply} is all-or-nothing: on failure the previous
 * ruleset stays in force and a {@code HalException} says why. The Linux adapter renders the
 * {@link Ruleset} into one nftables table and loads it with {@code nft -f} in one transaction.
 */
public interface Firewall {
    /** IP bytes received on the LTE uplink, counted before any filter: the carrier billed them. */
    String LTE_RX = "lte_rx";

    /** IP bytes sent on the LTE uplink, counted after filtering. */
    String LTE_TX = "lte_tx";

    void apply(Ruleset ruleset);

    /** The ruleset last applied successfully ({@link Ruleset#EMPTY} before the first). */
    Ruleset active();

    /**
     * Reads the named counters and sets them to zero in the same step, so no byte is counted
     * twice or lost between the read and the reset. Always holds {@link #LTE_RX} and {@link
     * #LTE_TX}, whatever the ruleset, plus one counter per rule of the active ruleset.
     */
    Map<String, Counter> readAndResetCounters();

    /**
     * Drops everything leaving through {@code uplink} while {@code blocked}: the installer's failover
     * test cuts the primary this way, upstream of nothing. Every adapter starts unblocked, so a
     * test interrupted by a crash cannot outlive the agent's next start.
     */
    void block(dialtone.hal.Uplink uplink, boolean blocked);
}
