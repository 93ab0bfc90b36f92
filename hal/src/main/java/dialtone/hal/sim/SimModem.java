package dialtone.hal.sim;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import dialtone.hal.sim.SimWorld.ModemFault;

/**
 * A modem in the style of a Quectel EC25 under ModemManager: its signal readings sit in the
 * middle of the band of the bars the demo asks for, so {@link Signal#bars()} gives them back. Its
 * faults ({@link ModemFault}) are mended by the recovery step that mends them on a real modem.
 */
final class SimModem implements LteModem {
    static final String APN = "voice.example";
    private static final SimCard SIM = new SimCard(SimState.READY, "8901260882310000001", "310260000000001", 3);
    private static final String IMEI = "861107032685597";

    private final SimWorld world;

    SimModem(SimWorld world) {
        this.world = world;
    }

    @Override
    public ModemStatus status() {
        if (!world.modemPresent()) {
            return ModemStatus.ABSENT;
        }
        ModemFault fault = answering();
        int bars = world.signalBars();
        boolean usable = world.lteUsable();
        boolean registered = usable || fault == ModemFault.BEARER_DROPPED;
        return new ModemStatus(
                true,
                SIM,
                registered ? Registration.HOME : Registration.SEARCHING,
                registered ? "Simulated Wireless" : null,
                registered ? "lte" : null,
                signalFor(bars),
                registered ? new CellId("01A2D30F", "2B67") : null,
                usable ? new Bearer(true, APN, SimLinks.LTE_ADDRESS) : Bearer.DOWN,
                IMEI,
                null);
    }

    @Override
    public void connect(DataSettings settings) {
        answering();
        world.mendModem(ModemFault.BEARER_DROPPED);
    }

    @Override
    public void reset() {
        answering();
        world.mendModem(ModemFault.STUCK_SEARCHING);
        world.resetModem();
    }

    @Override
    public void powerCycle() {
        if (!world.modemPresent()) {
            throw new HalException("modem power", "no modem on USB to power-cycle");
        }
        world.mendModem(ModemFault.HUNG);
        world.resetModem();
    }

    @Override
    public void enterPin(String pin) {
        answering();
    }

    private ModemFault answering() {
        if (!world.modemPresent()) {
            throw new HalException("modem", "couldn't find modem");
        }
        ModemFault fault = world.modemFault();
        if (fault == ModemFault.HUNG || fault == ModemFault.DEAD) {
            throw new HalException("modem", "no answer within 5 s");
        }
        return fault;
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
