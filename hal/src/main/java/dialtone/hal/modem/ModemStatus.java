package dialtone.hal.modem;

import java.util.Objects;

/**
 * Everything a modem tells about itself. Text fields are {@code null} when the modem does not know
 * them (ModemManager prints {@code --}); callers show "unknown", never a guess.
 *
 * @param imei the modem's own identity
 * @param position the GNSS fix, {@code null} without one (or without a GNSS receiver)
 */
public record ModemStatus(
        boolean present,
        SimCard sim,
        Registration registration,
        String operator,
        String accessTechnology,
        Signal signal,
        CellId cell,
        Bearer bearer,
        String imei,
        Position position) {

    public static final ModemStatus ABSENT = new ModemStatus(
            false, SimCard.UNKNOWN, Registration.UNKNOWN, null, null, Signal.UNKNOWN, null, Bearer.DOWN, null, null);

    public ModemStatus {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(bearer, "bearer");
    }

    public boolean registered() {
        return present && registration.registered();
    }

    /**
     * Whether LTE can carry calls now: registered with a data bearer, or (an LTE router on Ethernet,
     * which reports no registration) its link is connected.
     */
    public boolean ready() {
        return present && bearer.connected() && (registration.registered() || registration == Registration.UNKNOWN);
    }

    public enum SimState {
        READY,
        MISSING,
        PIN_REQUIRED,
        PUK_LOCKED,
        UNKNOWN
    }

    /**
     * The SIM card: its state, its identities, and how many PIN attempts are left before the PUK
     * lock ({@code null} when the modem does not say).
     */
    public record SimCard(SimState state, String iccid, String imsi, Integer pinRetries) {
        public static final SimCard UNKNOWN = new SimCard(SimState.UNKNOWN, null, null, null);

        public SimCard {
            Objects.requireNonNull(state, "state");
        }
    }

    public enum Registration {
        HOME,
        ROAMING,
        SEARCHING,
        DENIED,
        IDLE,
        UNKNOWN;

        public boolean registered() {
            return this == HOME || this == ROAMING;
        }
    }

    /** Serving cell: E-UTRAN cell id and tracking area code, as hex strings from the modem. */
    public record CellId(String cellId, String tac) {}

    /** The data bearer: whether it is connected, its APN and the address the carrier gave us. */
    public record Bearer(boolean connected, String apn, String address) {
        public static final Bearer DOWN = new Bearer(false, null, null);
    }

    /** A GNSS fix, in decimal degrees (WGS 84). */
    public record Position(double latitude, double longitude) {}
}
