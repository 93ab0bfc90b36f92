package dialtone.hal.sim;

import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Ruleset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the applied ruleset and serves the LTE byte counters from the simulated traffic. Rule
 * counters stay at zero: the simulated LAN sends no traffic that a rule would block.
 */
final class SimFirewall implements Firewall {
    private final SimWorld world;
    private Ruleset active = Ruleset.EMPTY;
    private Counter lteRxRead = Counter.ZERO;
    private Counter lteTxRead = Counter.ZERO;

    SimFirewall(SimWorld world) {
        this.world = world;
    }

    @Override
    public synchronized void apply(Ruleset ruleset) {
        active = ruleset;
    }

    @Override
    public synchronized Ruleset active() {
        return active;
    }

    @Override
    public synchronized LteBytes readAndResetLteBytes() {
        SimTraffic traffic = world.traffic();
        Counter rx = traffic.ipReceived(Uplink.LTE);
        Counter tx = traffic.ipSent(Uplink.LTE);
        LteBytes read = new LteBytes(difference(rx, lteRxRead), difference(tx, lteTxRead));
        lteRxRead = rx;
        lteTxRead = tx;
        return read;
    }

    @Override
    public synchronized Map<String, Counter> ruleCounters() {
        Map<String, Counter> counters = new LinkedHashMap<>();
        active.rules().forEach(rule -> counters.putIfAbsent(rule.counter(), Counter.ZERO));
        return counters;
    }

    @Override
    public List<Blocked> recentlyBlocked() {
        return List.of();
    }

    @Override
    public void block(Uplink uplink, boolean blocked) {
        world.block(uplink, blocked);
    }

    private static Counter difference(Counter now, Counter before) {
        return new Counter(now.packets() - before.packets(), now.bytes() - before.bytes());
    }
}
