package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.Signal;
import dialtone.hal.net.LinkStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * An LTE router on an Ethernet port (the provider's Netgear units): it reports no registration or
 * signal, so all we know costs nothing to learn is whether its link is up with an address.
 * Reconnecting bounces the link (its DHCP lease comes again); it cannot be reset or powered from
 * here without a relay, which the GPIO adapter will bring.
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
                SimCard.UNKNOWN,
                Registration.UNKNOWN,
                null,
                null,
                Signal.UNKNOWN,
                null,
                connected ? new Bearer(true, null, address.get()) : Bearer.DOWN,
                null,
                null);
    }

    @Override
    public void connect(DataSettings settings) {
        commands.run(List.of("ip", "link", "set", "dev", interfaceName, "down"));
        commands.run(List.of("ip", "link", "set", "dev", interfaceName, "up"));
    }

    @Override
    public void reset() {
        throw new HalException("modem reset", "an LTE router on Ethernet cannot be reset from the box");
    }

    @Override
    public void powerCycle() {
        throw new HalException("modem power", "no power relay for the LTE router");
    }

    @Override
    public void enterPin(String pin) {
        throw new HalException("modem PIN", "an LTE router on Ethernet keeps its own SIM");
    }
}
