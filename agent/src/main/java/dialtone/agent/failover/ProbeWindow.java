package dialtone.agent.failover;

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
 * UplinkHealth}. A round counts as good when at least {@code quorum} targets answered (so one dead
 * target is not a dead line); the uplink is down after {@code downAfterRounds} bad rounds in a row.
 */
public final class ProbeWindow {

    /** Thresholds of the rule. */
    public record Rule(
            int windowRounds, int quorum, int downAfterRounds, double degradedLossPercent, Duration degradedLatency) {
        public static final Rule DEFAULT = new Rule(10, 1, 3, 20.0, Duration.ofMillis(300));
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

    public ProbeWindow(Rule rule) {
        this.rule = rule;
    }

    public UplinkHealth record(Round round) {
        rounds.addLast(round);
        while (rounds.size() > rule.windowRounds()) {
            rounds.removeFirst();
        }
        return health();
    }

    public UplinkHealth health() {
        if (rounds.isEmpty()) {
            return UplinkHealth.UNKNOWN;
        }
        Instant last = rounds.getLast().at();
        double loss = lossPercent();
        Duration latency = medianLatency();
        return new UplinkHealth(state(loss, latency), loss, latency, last);
    }

    private State state(double loss, Duration latency) {
        int badInARow = badRoundsInARow();
        if (badInARow >= rule.downAfterRounds()) {
            return State.DOWN;
        }
        if (badInARow == rounds.size()) {
            return State.UNKNOWN;
        }
        boolean slow = latency != null && latency.compareTo(rule.degradedLatency()) >= 0;
        return loss >= rule.degradedLossPercent() || slow ? State.DEGRADED : State.UP;
    }

    private int badRoundsInARow() {
        int bad = 0;
        for (Iterator<Round> it = rounds.descendingIterator(); it.hasNext(); ) {
            Round round = it.next();
            if (round.answered() >= Math.min(rule.quorum(), round.results().size())
                    && !round.results().isEmpty()) {
                break;
            }
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
