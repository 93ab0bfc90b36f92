package dialtone.agent.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The local addresses the installer page is served on: the LAN interface's, read at each
 * connection (an address that comes late or changes is served at once), and loopback for tools on
 * the box itself. Never an uplink's.
 */
public final class LanAddresses implements Predicate<InetAddress> {
    private final String lanInterface;

    /** @param lanInterface the LAN's interface name; null or empty when the box has none configured */
    public LanAddresses(String lanInterface) {
        this.lanInterface = lanInterface == null || lanInterface.isEmpty() ? null : lanInterface;
    }

    @Override
    public boolean test(InetAddress local) {
        return local.isLoopbackAddress() || current().contains(local);
    }

    /** The LAN interface's addresses now; empty when it has none, is down or is not there. */
    public List<InetAddress> current() {
        if (lanInterface == null) {
            return List.of();
        }
        try {
            NetworkInterface lan = NetworkInterface.getByName(lanInterface);
            return lan == null ? List.of() : lan.inetAddresses().toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /** The LAN's IPv4 addresses now, as installers type them. */
    public List<String> ipv4() {
        return current().stream()
                .filter(Inet4Address.class::isInstance)
                .map(InetAddress::getHostAddress)
                .toList();
    }

    public String interfaceName() {
        return lanInterface;
    }
}
