package dialtone.agent.web;

import dialtone.hal.sim.SimWorld;
import dialtone.web.port.SimControls;
import java.time.Duration;
import java.util.Locale;

/** The demo's controls, handed straight to the simulated world. */
public final class SimControlsAdapter implements SimControls {
    private final SimWorld world;

    public SimControlsAdapter(SimWorld world) {
        this.world = world;
    }

    @Override
    public SimState setPrimary(String state, int lossPercent) {
        world.setPrimary(SimWorld.LineState.valueOf(state.toUpperCase(Locale.ROOT)), lossPercent);
        return state();
    }

    @Override
    public SimState setLte(boolean registered, int signalBars) {
        world.setLte(registered, signalBars);
        return state();
    }

    @Override
    public SimState setModem(boolean present, String fault) {
        world.setModemPresent(present);
        world.setModemFault(
                SimWorld.ModemFault.valueOf(fault.toUpperCase(Locale.ROOT).replace('-', '_')));
        return state();
    }

    @Override
    public SimState setActiveCalls(int calls) {
        world.setActiveCalls(calls);
        return state();
    }

    @Override
    public SimState advanceClock(long seconds) {
        world.advanceClock(Duration.ofSeconds(seconds));
        return state();
    }

    @Override
    public SimState state() {
        SimWorld.Snapshot s = world.snapshot();
        return new SimState(
                s.primaryLine().name().toLowerCase(Locale.ROOT),
                s.lossPercent(),
                s.lteRegistered(),
                s.signalBars(),
                s.modemPresent(),
                world.modemFault().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.activeCalls(),
                world.clock().instant().toString(),
                s.clockOffset().toSeconds());
    }
}
