package dialtone.hal.sim;

import dialtone.hal.Uplink;
import dialtone.hal.firewall.Flows;

/** Each simulated call is one media flow on the active uplink. */
final class SimFlows implements Flows {
    private final SimWorld world;

    SimFlows(SimWorld world) {
        this.world = world;
    }

    @Override
    public int activeMediaFlows() {
        return world.activeCalls();
    }

    @Override
    public int forget(Uplink uplink) {
        return world.activeUplink().filter(uplink::equals).isPresent() ? world.activeCalls() : 0;
    }
}
