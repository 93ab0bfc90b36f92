package dialtone.hal.linux;

import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import dialtone.hal.net.LinkStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * An LTE router on an Ethernet port (the provider's Netgear units): it reports no registration or
 * signal, so all we know costs nothing to learn is whether its link is up with an address. Reset
 * bounces the link.
 */
public final class EthernetModem implements LteModem {
    private final String interfaceName;
    private final IpLinks links;
    private final Commands commands;

    EthernetModem(String interfaceName, IpLinks links, Commands commands) {
        this.interfaceName = interfaceName;
        this.links = links;
        this.commands = commands;
    }

    @Override
    public ModemStatus status() {
        Optional<LinkStatus> link = links.link(interfaceName);
        if (link.isEmpty()) {
            return ModemStatus.ABSENT;
        }
        Optional<String> address = link.get().addresses().stream()
                .filter(a -> a.getAddress().length == 4)
                .map(InetAddress::getHostAddress)
                .findFirst();
        boolean connected = link.get().up() && address.isPresent();
        return new ModemStatus(
                true,
                SimState.UNKNOWN,
                Registration.UNKNOWN,
                null,
                null,
                Signal.UNKNOWN,
                null,
                connected ? new Bearer(true, null, address.get()) : Bearer.DOWN);
    }

    @Override
    public void reset() {
        commands.run(List.of("ip", "link", "set", "dev", interfaceName, "down"));
        commands.run(List.of("ip", "link", "set", "dev", interfaceName, "up"));
    }
}
