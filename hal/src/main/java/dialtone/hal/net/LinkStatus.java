package dialtone.hal.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One interface: whether its link is up (carrier present, which says nothing about the Internet
 * behind it), its addresses and its counters.
 */
public record LinkStatus(String name, boolean up, List<InetAddress> addresses, ByteCounters counters) {
    public LinkStatus {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(counters, "counters");
    }
}
