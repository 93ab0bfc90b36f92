package dialtone.hal.net;

import dialtone.hal.Uplink;
import java.time.Duration;

/**
 * Sends one health probe out through a given uplink, whatever the default route is. The Linux
 * adapter binds each probe to that uplink's source address, so policy routing sends it through
 * that uplink's own table (research/linux-mechanics.md §1.2). Blocking: call it from a virtual
 * thread, never from an owner thread.
 */
public interface Prober {

    /** Never throws for an unanswered probe: a timeout or error is a {@link ProbeResult#lost}. */
    ProbeResult probe(Uplink via, ProbeTarget target, Duration timeout);
}
