package dialtone.hal.modem;

/**
 * Radio signal of the serving LTE cell. Each value is {@code null} when unknown.
 *
 * @param rssiDbm received signal strength indicator, dBm
 * @param rsrpDbm reference signal received power, dBm (drives the bars)
 * @param rsrqDb reference signal received quality, dB
 * @param sinrDb signal to interference plus noise ratio, dB
 */
public record Signal(Double rssiDbm, Double rsrpDbm, Double rsrqDb, Double sinrDb) {
    public static final Signal UNKNOWN = new Signal(null, null, null, null);

    /**
     * Bars from 0 to 5, from RSRP, the LTE measure phones use for their bars too.
     *
     * <pre>
     *   RSRP >= -85 dBm   5 bars  excellent
     *   -95 .. -85        4       good
     *   -105 .. -95       3       fair: calls work
     *   -115 .. -105      2       weak: calls may break up
     *   -125 .. -115      1       very weak
     *   below -125 or unknown  0
     * </pre>
     */
    public int bars() {
        if (rsrpDbm == null) {
            return 0;
        }
        double rsrp = rsrpDbm;
        if (rsrp >= -85) return 5;
        if (rsrp >= -95) return 4;
        if (rsrp >= -105) return 3;
        if (rsrp >= -115) return 2;
        if (rsrp >= -125) return 1;
        return 0;
    }
}
