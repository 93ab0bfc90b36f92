package dialtone.agent.modem;

import dialtone.hal.modem.Signal;

/**
 * How many calls the signal here should carry, in plain words for the installer placing the
 * antenna. An estimate, stated as one: the uplink a modem gets at a given RSRP (a cautious figure
 * for a loaded cell, halved again when SINR is below 0 dB), with half kept in reserve, divided by
 * the 90 kbit/s each call needs (the service terms).
 *
 * <pre>
 *   RSRP >= -85 dBm   5,000 kbit/s      -105 .. -95   1,000
 *   -95 .. -85        2,000             -115 .. -105    300
 *   -125 .. -115        100             below, unknown    0
 * </pre>
 */
public record AntennaVerdict(int calls, String words) {
    static final int KBIT_PER_CALL = 90;
    static final int AT_MOST = 20;

    public static AntennaVerdict of(Signal signal) {
        if (signal.rsrpDbm() == null) {
            return new AntennaVerdict(0, "no signal reading yet");
        }
        int calls = Math.min(AT_MOST, uplinkKbit(signal) / 2 / KBIT_PER_CALL);
        String words =
                switch (calls) {
                    case 0 -> "too weak for calls: move the antenna (higher, nearer a window)";
                    case 1 -> "good for 1 call at a time";
                    case AT_MOST -> "good for " + AT_MOST + " or more simultaneous calls";
                    default -> "good for " + calls + " simultaneous calls";
                };
        return new AntennaVerdict(calls, words);
    }

    static int uplinkKbit(Signal signal) {
        double rsrp = signal.rsrpDbm();
        int kbit = rsrp >= -85
                ? 5_000
                : rsrp >= -95 ? 2_000 : rsrp >= -105 ? 1_000 : rsrp >= -115 ? 300 : rsrp >= -125 ? 100 : 0;
        return signal.sinrDb() != null && signal.sinrDb() < 0 ? kbit / 2 : kbit;
    }
}
