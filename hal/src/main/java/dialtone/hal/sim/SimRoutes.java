package dialtone.hal.sim;

import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.route.Routes;
import java.util.Optional;

/** The simulated default route; like the kernel, it refuses a gateway on an interface that is down. */
final class SimRoutes implements Routes {
    private final SimWorld world;

    SimRoutes(SimWorld world) {
        this.world = world;
    }

    @Override
    public void activate(Uplink uplink) {
        if (uplink == Uplink.LTE && !world.lteUsable()) {
            throw new HalException("ip route replace", "LTE interface has no carrier: Nexthop has invalid gateway");
        }
        world.activate(uplink);
    }

    @Override
    public void refresh() {
        // the simulated kernel routes every probe through the uplink it names
    }

    @Override
    public Optional<String> gatewayMac(Uplink uplink) {
        return uplink == Uplink.PRIMARY ? world.primaryGatewayMac() : Optional.empty();
    }

    @Override
    public Optional<Uplink> active() {
        return world.activeUplink();
    }
}
