package dialtone.agent.report;

import java.time.Duration;

/**
 * What of the agent's own reporting may go over LTE now; a pure decision. Command responses and
 * events always go (a few hundred bytes each, and the operations team must see a failover).
 * The state document goes when what it says changes in substance (uplink, failover phase, mode,
 * 911) and otherwise at most every {@link #STATE_EVERY_ON_LTE}; once the budget is spent only the
 * substantial changes. Telemetry waits for the primary unless allowed on LTE, the budget has room
 * and the plan does not restrict the agent's own traffic.
 */
final class LteBudget {
    static final Duration STATE_EVERY_ON_LTE = Duration.ofMinutes(30);

    private LteBudget() {}

    /** @param substantial the uplink, phase, mode or 911 status changed since the last published state */
    static boolean stateMayGo(boolean onLte, boolean substantial, Duration sinceLast, boolean spent) {
        if (!onLte || substantial) {
            return true;
        }
        return !spent && sinceLast.compareTo(STATE_EVERY_ON_LTE) >= 0;
    }

    static boolean telemetryMayGo(boolean onLte, boolean allowedOnLte, boolean spent, boolean planRestricted) {
        return !onLte || (allowedOnLte && !spent && !planRestricted);
    }
}
