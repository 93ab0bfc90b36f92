package dialtone.web.port;

import java.util.List;

/**
 * Antenna placement: while on, the modem's signal about once a second, the best reading seen, and
 * what it means in calls, for the installer moving the antenna.
 */
public interface AntennaView {

    AntennaReport report();

    /** Turns the mode on (again) for its full length; off by itself after that. */
    AntennaReport start();

    AntennaReport stop();

    /**
     * @param calls simultaneous calls this signal should carry (an estimate; 90 kbit/s each)
     */
    record Reading(String at, int bars, Double rsrpDbm, Double rsrqDb, Double sinrDb, int calls) {}

    /**
     * @param until when the mode ends by itself (null when off)
     * @param readings the latest first, at most a few minutes' worth
     * @param best the strongest reading since the mode was turned on (null before one)
     * @param verdict the latest reading in plain words
     */
    record AntennaReport(boolean active, String until, List<Reading> readings, Reading best, String verdict) {}
}
