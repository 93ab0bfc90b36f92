package dialtone.agent.failover;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.failover.UplinkHealth.State;
import dialtone.hal.net.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last rounds of probes of one uplink, and the pure rule that turns them into {@link
 * UplinkHealth}. A round is good when at least {@code quorum} targets answered (one dead target is
 * not a dead line); the line is down after {@code downAfterRounds} bad rounds in a row, and
 * degraded when loss or latency over the window pass the thresholds (judged once the window is at
 * least half full, so a few early losses do not count). An outage ends the window: when the line
 * answers again, loss is judged afresh from that round.
 */
public final class ProbeWindow {

    /** Thresholds of the rule. */
    public record Rule(
            int windowRounds, int quorum, int downAfterRounds, double lossThresholdPercent, Duration latencyThreshold) {

        public static Rule of(AgentConfig.Probe probe) {
            return new Rule(
                    probe.windowRounds(),
                    probe.quorum(),
                    probe.downAfterRounds(),
                    probe.lossThresholdPercent(),
                    probe.latencyThreshold());
        }
    }

    /** One probe of every target, finished at {@code at}. */
    public record Round(Instant at, List<ProbeResult> results) {
        public Round {
            results = List.copyOf(results);
        }

        long answered() {
            return results.stream().filter(ProbeResult::answered).count();
        }
    }

    private final Rule rule;
    private final Deque<Round> rounds = new ArrayDeque<>();
    private Instant lastGood;

    public ProbeWindow(Rule rule) {
        this.rule = rule;
    }

    public UplinkHealth record(Round round) {
        if (good(round) && badRoundsInARow() >= rule.downAfterRounds()) {
            rounds.clear(); // back from an outage: the outage is not loss of the line that answers now
        }
        rounds.addLast(round);
        while (rounds.size() > rule.windowRounds()) {
            rounds.removeFirst();
        }
        if (good(round)) {
            lastGood = round.at();
        }
        return health();
    }

    public UplinkHealth health() {
        if (rounds.isEmpty()) {
            return UplinkHealth.UNKNOWN;
        }
        double loss = lossPercent();
        Duration latency = medianLatency();
        return new UplinkHealth(
                state(loss, latency), loss, latency, rounds.getLast().at(), lastGood);
    }

    private State state(double loss, Duration latency) {
        int badInARow = badRoundsInARow();
        if (badInARow >= rule.downAfterRounds()) {
            return State.DOWN;
        }
        if (badInARow == rounds.size()) {
            return State.UNKNOWN;
        }
        boolean judged = rounds.size() * 2 >= rule.windowRounds();
        boolean lossy = loss >= rule.lossThresholdPercent();
        boolean slow = latency != null && latency.compareTo(rule.latencyThreshold()) >= 0;
        return judged && (lossy || slow) ? State.DEGRADED : State.UP;
    }

    private boolean good(Round round) {
        return !round.results().isEmpty()
                && round.answered() >= Math.min(rule.quorum(), round.results().size());
    }

    private int badRoundsInARow() {
        int bad = 0;
        for (Iterator<Round> it = rounds.descendingIterator(); it.hasNext() && !good(it.next()); ) {
            bad++;
        }
        return bad;
    }

    private double lossPercent() {
        long sent = rounds.stream().mapToLong(r -> r.results().size()).sum();
        long answered = rounds.stream().mapToLong(Round::answered).sum();
        return sent == 0 ? 100.0 : 100.0 * (sent - answered) / sent;
    }

    private Duration medianLatency() {
        List<Duration> rtts = rounds.stream()
                .flatMap(r -> r.results().stream())
                .filter(ProbeResult::answered)
                .map(ProbeResult::rtt)
                .sorted()
                .toList();
        return rtts.isEmpty() ? null : rtts.get(rtts.size() / 2);
    }
}
