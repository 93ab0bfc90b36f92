package dialtone.hal.route;

import dialtone.hal.Uplink;
import java.util.Optional;

/**
 * Which uplink carries the site's traffic. The Linux adapter keeps one routing table per uplink,
 * always populated, and swaps only the active default with one atomic {@code ip route replace}
 * (research/linux-mechanics.md §1.1).
 */
public interface Routes {

    /** Points the active default route at the uplink's gateway. Idempotent. */
    void activate(Uplink uplink);

    /** The uplink the active default route points to; empty when there is no default route. */
    Optional<Uplink> active();

    /**
     * (Re)builds each uplink's own routes from its current address and gateway (a new LTE bearer
     * brings new ones), so probes through either uplink work whatever the default. An uplink
     * without an address yet is skipped; called at start and now and then.
     */
    void refresh();

    /**
     * The link-layer address of the uplink's gateway (the ISP's modem or ONT on the primary), from
     * the neighbour table; empty when unknown (no gateway, the line down): a sign of where the box is.
     */
    Optional<String> gatewayMac(Uplink uplink);
}
