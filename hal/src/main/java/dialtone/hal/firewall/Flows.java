package dialtone.hal.firewall;

import dialtone.hal.Uplink;

/**
 * The kernel's connection tracking as far as failover needs it: are calls in progress, and
 * forgetting one uplink's NAT state after a switch so phones re-register through the new one
 * (research/linux-mechanics.md §2). Never a global flush.
 */
public interface Flows {

    /** Media (RTP) flows seen recently between the LAN and any uplink. */
    int activeMediaFlows();

    /** Deletes the connection-tracking entries of flows that left through {@code uplink}. */
    int forget(Uplink uplink);
}
