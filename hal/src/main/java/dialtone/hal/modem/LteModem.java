package dialtone.hal.modem;

/**
 * The LTE modem: ModemManager ({@code mmcli}), or none at all when the LTE router sits on
 * Ethernet. Reading the status costs no cellular data. Every call may throw a {@code HalException}
 * (no answer, the modem gone, a refusal); none blocks longer than a few seconds.
 */
public interface LteModem {

    /** The modem's current state. */
    ModemStatus status();

    /** Brings the data bearer (down and) up with {@code settings}: the first recovery step, and how new settings apply. */
    void connect(DataSettings settings);

    /** Resets the modem: it drops off the network and registers again within a minute. */
    void reset();

    /** Cuts the modem's power and restores it (USB or a relay): the last step before a human. */
    void powerCycle();

    /** Offers the SIM its PIN, once. A wrong PIN costs one of the SIM's few attempts before the PUK lock. */
    void enterPin(String pin);
}
