package dialtone.agent.failover;

import dialtone.agent.failover.FailoverState.Phase;
import dialtone.agent.failover.FailoverState.Switch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A mutable copy of a {@link FailoverState} that one call of the policy edits and seals. */
final class StateDraft {
    Phase phase;
    Mode mode;
    Instant since;
    String reason;
    UplinkHealth primary;
    boolean lteReady;
    int mediaFlows;
    Instant primaryHealthySince;
    Instant outageStartedAt;
    Instant lteSince;
    Instant sbcAnsweredAt;
    Instant sbcAskedAt;
    Instant failbackAllowedSince;
    Instant lastSwitchFailure;
    final List<Switch> switches;
    final Set<String> noticed;

    StateDraft(FailoverState s) {
        phase = s.phase();
        mode = s.mode();
        since = s.since();
        reason = s.reason();
        primary = s.primary();
        lteReady = s.lteReady();
        mediaFlows = s.mediaFlows();
        primaryHealthySince = s.primaryHealthySince();
        outageStartedAt = s.outageStartedAt();
        lteSince = s.lteSince();
        sbcAnsweredAt = s.sbcAnsweredAt();
        sbcAskedAt = s.sbcAskedAt();
        failbackAllowedSince = s.failbackAllowedSince();
        lastSwitchFailure = s.lastSwitchFailure();
        switches = new ArrayList<>(s.switches());
        noticed = new HashSet<>(s.noticed());
    }

    /** Enters {@code next}: the phase's own memory (notices, SBC answers, waits) starts afresh. */
    void enter(Phase next, Instant now, String why) {
        phase = next;
        since = now;
        reason = why;
        noticed.clear();
        sbcAnsweredAt = null;
        sbcAskedAt = null;
        failbackAllowedSince = null;
    }

    FailoverState seal(Instant now) {
        switches.removeIf(s -> s.at().isBefore(now.minusSeconds(3600)));
        return new FailoverState(
                phase,
                mode,
                since,
                reason,
                primary,
                lteReady,
                mediaFlows,
                primaryHealthySince,
                outageStartedAt,
                lteSince,
                sbcAnsweredAt,
                sbcAskedAt,
                failbackAllowedSince,
                lastSwitchFailure,
                switches,
                noticed);
    }
}
