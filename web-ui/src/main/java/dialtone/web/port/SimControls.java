package dialtone.web.port;

/**
 * Drives the simulated site; exists only when the agent runs with {@code --sim}. Arguments arrive
 * validated by the handler.
 */
public interface SimControls {

    /** @param state {@code up}, {@code down} or {@code lossy} */
    SimState setPrimary(String state, int lossPercent);

    SimState setLte(boolean registered, int signalBars);

    /**
     * @param fault {@code none}, {@code bearer-dropped}, {@code stuck-searching}, {@code hung} or
     *     {@code dead}: each mended by one more recovery step than the one before
     */
    SimState setModem(boolean present, String fault);

    SimState setActiveCalls(int calls);

    SimState advanceClock(long seconds);

    SimState state();

    /** What the simulated world looks like now, for the demo's control panel. */
    record SimState(
            String primary,
            int lossPercent,
            boolean lteRegistered,
            int signalBars,
            boolean modemPresent,
            String modemFault,
            int activeCalls,
            String clock,
            long clockOffsetSeconds) {}
}
