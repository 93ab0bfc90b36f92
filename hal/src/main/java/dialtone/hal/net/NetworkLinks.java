package dialtone.hal.net;

import java.util.Optional;

/**
 * Network interfaces as the kernel sees them. The Linux adapter reads {@code ip -j -s addr}; the
 * interface counters include link-layer headers, so they are a cross-check, never the billing
 * figure (that comes from the firewall's IP-level counters).
 */
public interface NetworkLinks {

    /** The interface's state, or empty when it does not exist (e.g. the USB modem is unplugged). */
    Optional<LinkStatus> link(String interfaceName);
}
