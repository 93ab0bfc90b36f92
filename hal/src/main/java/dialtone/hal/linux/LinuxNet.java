package dialtone.hal.linux;

import dialtone.hal.Uplink;
import java.util.Objects;
import java.util.Optional;

/**
 * The box's network as provisioned: which interface is which, and the per-uplink numbers the
 * Linux adapters use (routing table, firewall mark, rule preferences), research/linux-mechanics.md §1.
 *
 * @param primaryGateway configured gateway, or empty to use the route the DHCP client installed
 * @param lteGateway configured gateway, or empty to use the route ModemManager installed
 */
public record LinuxNet(String primary, String lte, String lan, String primaryGateway, String lteGateway) {
    /** Our table in the nftables ruleset; nothing else of the box's firewall is touched. */
    public static final String NFT_TABLE = "dialtone";

    /** The metric of the one default route we own in the main table; DHCP's come after it. */
    public static final int ACTIVE_METRIC = 10;

    public LinuxNet {
        Objects.requireNonNull(primary);
        Objects.requireNonNull(lte);
        Objects.requireNonNull(lan);
        primaryGateway = primaryGateway == null ? "" : primaryGateway;
        lteGateway = lteGateway == null ? "" : lteGateway;
    }

    public String interfaceOf(Uplink uplink) {
        return uplink == Uplink.PRIMARY ? primary : lte;
    }

    public String configuredGateway(Uplink uplink) {
        return uplink == Uplink.PRIMARY ? primaryGateway : lteGateway;
    }

    /** 101 for the primary, 102 for LTE: the uplink's own routing table. */
    public int table(Uplink uplink) {
        return uplink == Uplink.PRIMARY ? 101 : 102;
    }

    /** The conntrack mark of flows NATed out of the uplink (0x101, 0x102). */
    public int mark(Uplink uplink) {
        return uplink == Uplink.PRIMARY ? 0x101 : 0x102;
    }

    public Optional<Uplink> uplinkOf(String interfaceName) {
        if (primary.equals(interfaceName)) {
            return Optional.of(Uplink.PRIMARY);
        }
        return lte.equals(interfaceName) ? Optional.of(Uplink.LTE) : Optional.empty();
    }
}
