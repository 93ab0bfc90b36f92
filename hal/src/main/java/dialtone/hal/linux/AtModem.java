package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.time.Duration;

/**
 * A modem ModemManager does not handle, on a raw AT port (hidden from ModemManager with
 * {@code ID_MM_PORT_IGNORE}): standard 3GPP TS 27.007 commands only, so any LTE module answers.
 * Roaming cannot be chosen in standard AT; the data interface itself (ECM/QMI network device) is
 * the module's and the kernel's business, not this port's.
 */
public final class AtModem implements LteModem {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final AtPort port;
    private boolean prepared;

    AtModem(AtPort port) {
        this.port = port;
    }

    @Override
    public synchronized ModemStatus status() {
        if (!port.present()) {
            prepared = false;
            port.close();
            return ModemStatus.ABSENT;
        }
        prepare();
        String imei = AtReplies.digits(port.send("AT+CGSN", TIMEOUT));
        SimState simState;
        try {
            simState = AtReplies.cpin(port.send("AT+CPIN?", TIMEOUT));
        } catch (HalException e) {
            if (!AtReplies.simMissing(e)) {
                throw e;
            }
            simState = SimState.MISSING;
        }
        Signal signal = AtReplies.signal(port.send("AT+CESQ", TIMEOUT), port.send("AT+CSQ", TIMEOUT));
        if (simState != SimState.READY) {
            return new ModemStatus(
                    true,
                    new SimCard(simState, null, null, null),
                    ModemStatus.Registration.UNKNOWN,
                    null,
                    null,
                    signal,
                    null,
                    Bearer.DOWN,
                    imei,
                    null);
        }
        SimCard sim = new SimCard(
                SimState.READY,
                AtReplies.iccid(port.send("AT+CCID", TIMEOUT)),
                AtReplies.digits(port.send("AT+CIMI", TIMEOUT)),
                null);
        AtReplies.Cereg cereg = AtReplies.cereg(port.send("AT+CEREG?", TIMEOUT));
        AtReplies.Cops cops = AtReplies.cops(port.send("AT+COPS?", TIMEOUT));
        return new ModemStatus(
                true,
                sim,
                cereg.registration(),
                cops.operator(),
                cops.technology(),
                signal,
                cereg.cell(),
                bearer(),
                imei,
                null);
    }

    @Override
    public synchronized void connect(DataSettings settings) {
        if (settings.apn() != null) {
            port.send("AT+CGDCONT=1,\"IPV4V6\",\"" + settings.apn() + "\"", TIMEOUT);
        }
        if (settings.user() != null) {
            port.send(
                    "AT+CGAUTH=1,1,\"" + settings.user() + "\",\""
                            + (settings.password() == null ? "" : settings.password()) + "\"",
                    TIMEOUT);
        }
        try {
            port.send("AT+CGACT=0,1", CONNECT_TIMEOUT);
        } catch (HalException e) {
            // not active: nothing to take down
        }
        port.send("AT+CGACT=1,1", CONNECT_TIMEOUT);
    }

    /** {@code AT+CFUN=1,1}: the module restarts, and its ports vanish for a while. */
    @Override
    public synchronized void reset() {
        port.send("AT+CFUN=1,1", TIMEOUT);
        port.close();
        prepared = false;
    }

    @Override
    public void powerCycle() {
        throw new HalException(
                "modem power", "a modem on a serial port has no power switch here (the GPIO relay will)");
    }

    @Override
    public synchronized void enterPin(String pin) {
        port.send("AT+CPIN=\"" + pin + "\"", TIMEOUT);
    }

    private Bearer bearer() {
        if (!AtReplies.active(port.send("AT+CGACT?", TIMEOUT))) {
            return Bearer.DOWN;
        }
        return new Bearer(
                true,
                AtReplies.apn(port.send("AT+CGDCONT?", TIMEOUT)),
                AtReplies.address(port.send("AT+CGPADDR=1", TIMEOUT)));
    }

    /** Echo off, and the serving cell in {@code +CEREG?} replies: once per modem seen. */
    private void prepare() {
        if (!prepared) {
            port.send("ATE0", TIMEOUT);
            port.send("AT+CEREG=2", TIMEOUT);
            prepared = true;
        }
    }
}
