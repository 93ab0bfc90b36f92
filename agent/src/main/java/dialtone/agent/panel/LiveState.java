package dialtone.agent.panel;

import dialtone.agent.e911.LocationService;
import dialtone.agent.failover.FailoverController;
import dialtone.agent.failover.UplinkHealth;
import dialtone.agent.failover.UplinkMonitor;
import dialtone.agent.modem.ModemWatch;
import dialtone.agent.voip.FirewallService;
import java.util.function.Supplier;

/** The panel's state read from the running services (the 911 status as it changes, the rest on demand). */
public final class LiveState implements Supplier<PanelState> {
    private final FirewallService firewall;
    private final FailoverController failover;
    private final UplinkMonitor primary;
    private final ModemWatch modem;
    private volatile LocationService.Status e911 = LocationService.Status.MISSING;

    public LiveState(
            FirewallService firewall,
            FailoverController failover,
            UplinkMonitor primary,
            ModemWatch modem,
            LocationService location) {
        this.firewall = firewall;
        this.failover = failover;
        this.primary = primary;
        this.modem = modem;
        location.onStatus(status -> e911 = status);
    }

    @Override
    public PanelState get() {
        boolean lteReady = modem.status().ready();
        return new PanelState(
                firewall.applied(),
                PanelState.Carrier.of(
                        failover.state().phase(), primary.health().state() == UplinkHealth.State.DOWN, lteReady),
                PanelState.LteSignal.of(modem.silence() == null ? modem.status() : null),
                e911);
    }
}
