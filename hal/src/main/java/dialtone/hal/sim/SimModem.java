package dialtone.hal.sim;

import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;

/**
 * A modem in the style of a Quectel EC25 under ModemManager: its signal readings sit in the
 * middle of the band of the bars the demo asks for, so {@link Signal#bars()} gives them back.
 */
final class SimModem implements LteModem {
    static final String APN = "voice.example";

    private final SimWorld world;

    SimModem(SimWorld world) {
        this.world = world;
    }

    @Override
    public ModemStatus status() {
        if (!world.modemPresent()) {
            return ModemStatus.ABSENT;
        }
        int bars = world.signalBars();
        boolean usable = world.lteUsable();
        Registration registration = usable ? Registration.HOME : Registration.SEARCHING;
        return new ModemStatus(
                true,
                SimState.READY,
                registration,
                usable ? "Simulated Wireless" : null,
                usable ? "lte" : null,
                signalFor(bars),
                usable ? new CellId("01A2D30F", "2B67") : null,
                usable ? new Bearer(true, APN, SimLinks.LTE_ADDRESS) : Bearer.DOWN);
    }

    @Override
    public void reset() {
        world.resetModem();
    }

    /** RSRP in the middle of the bars' band; the other values follow it plausibly. */
    static Signal signalFor(int bars) {
        if (bars == 0) {
            return new Signal(-113.0, -130.0, -19.5, -5.0);
        }
        double rsrp = -130.0 + bars * 10.0;
        return new Signal(rsrp + 25, rsrp, -14.0 + bars, -2.0 + bars * 4);
    }
}
