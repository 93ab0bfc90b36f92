package dialtone.agent.panel;

import dialtone.agent.e911.LocationService;
import dialtone.agent.failover.FailoverState.Phase;
import dialtone.hal.modem.ModemStatus;

/**
 * What the front panel reflects, read from the live services a few times a second.
 *
 * @param healthy the agent runs with its voice-only policy in force
 */
public record PanelState(boolean healthy, Carrier uplink, LteSignal signal, LocationService.Status e911) {

    /** Which uplink carries the site's traffic. */
    public enum Carrier {
        PRIMARY,
        LTE,
        /** Failing over or back: the switch is under way. */
        SWITCHING,
        /** The uplink in use is down, and no switch is under way. */
        NONE;

        public static Carrier of(Phase phase, boolean primaryDown, boolean lteReady) {
            if (phase.switching()) {
                return SWITCHING;
            }
            if (phase == Phase.ON_LTE) {
                return lteReady ? LTE : NONE;
            }
            return primaryDown ? NONE : PRIMARY;
        }
    }

    /** The LTE modem as one LED can show it. */
    public enum LteSignal {
        /** Ready, with two bars or more (or a modem that reports no signal figures). */
        GOOD,
        /** Ready, with less than two bars. */
        WEAK,
        /** There, but not registered or without a data bearer. */
        NOT_READY,
        /** Absent, or not answering. */
        FAULT;

        /** @param status the modem's last reading, or null while it does not answer */
        public static LteSignal of(ModemStatus status) {
            if (status == null || !status.present()) {
                return FAULT;
            }
            if (!status.ready()) {
                return NOT_READY;
            }
            return status.signal().bars() >= 2 || status.signal().rsrpDbm() == null ? GOOD : WEAK;
        }
    }
}
