package dialtone.hal.modem;

/**
 * The LTE modem: ModemManager ({@code mmcli -J} / D-Bus), a raw AT port, or none at all when the
 * LTE router sits on Ethernet. Reading the status costs no cellular data.
 */
public interface LteModem {

    /** The modem's current state; a modem that does not answer is a {@code HalException}. */
    ModemStatus status();

    /** Resets the modem (first recovery step beyond reconnecting the bearer). */
    void reset();
}
