package dialtone.hal.sim;

import dialtone.hal.Uplink;
import dialtone.hal.net.ByteCounters;
import dialtone.hal.net.LinkStatus;
import dialtone.hal.net.NetworkLinks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The simulated box's interfaces, in documentation address ranges: the primary's Ethernet link
 * stays up whatever happens behind it; the modem's interface exists only while it is plugged in
 * and is up only while registered.
 */
final class SimLinks implements NetworkLinks {
    static final String PRIMARY_ADDRESS = "192.0.2.2";
    static final String LTE_ADDRESS = "100.64.0.2";
    static final String LAN_ADDRESS = "198.18.50.1";

    private final SimWorld world;

    SimLinks(SimWorld world) {
        this.world = world;
    }

    @Override
    public Optional<LinkStatus> link(String name) {
        SimWorld.Interfaces names = world.interfaces();
        if (name.equals(names.primary())) {
            return Optional.of(status(name, true, PRIMARY_ADDRESS, counters(Uplink.PRIMARY)));
        }
        if (name.equals(names.lte()) && world.modemPresent()) {
            boolean up = world.lteUsable();
            return Optional.of(status(name, up, up ? LTE_ADDRESS : null, counters(Uplink.LTE)));
        }
        if (name.equals(names.lan())) {
            return Optional.of(status(name, true, LAN_ADDRESS, ByteCounters.ZERO));
        }
        return Optional.empty();
    }

    private ByteCounters counters(Uplink uplink) {
        return world.traffic().atInterface(uplink);
    }

    private static LinkStatus status(String name, boolean up, String address, ByteCounters counters) {
        return new LinkStatus(name, up, address == null ? List.of() : List.of(literal(address)), counters);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
