package dialtone.agent.failover;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.failover.FailoverAction.Activate;
import dialtone.agent.failover.FailoverAction.CheckSbcViaPrimary;
import dialtone.agent.failover.FailoverAction.Report;
import dialtone.agent.failover.FailoverEvent.LteReadiness;
import dialtone.agent.failover.FailoverEvent.MediaFlows;
import dialtone.agent.failover.FailoverEvent.ModeSet;
import dialtone.agent.failover.FailoverEvent.PrimaryHealth;
import dialtone.agent.failover.FailoverEvent.SbcViaPrimary;
import dialtone.agent.failover.FailoverEvent.SwitchFailed;
import dialtone.agent.failover.FailoverEvent.Switched;
import dialtone.agent.failover.FailoverEvent.Tick;
import dialtone.agent.failover.FailoverState.Phase;
import dialtone.agent.failover.FailoverState.Switch;
import dialtone.agent.failover.UplinkHealth.State;
import dialtone.hal.Uplink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which uplink carries the phones. Pure: {@code on(state, event, now)} returns the next
 * state and the actions to take, with no clock, thread or I/O of its own.
 *
 * <p>Fails over as soon as the primary is down or too lossy or slow for calls and LTE is ready.
 * Fails back only when the primary has been healthy for the hold time (doubled for every other
 * failover in the last hour), the SBC answers through it, and no call is active, or once calls
 * have kept it waiting for the maximum wait. At most {@code maxSwitchesPerHour} automatic switches;
 * past that it stays on LTE, because failing over to keep the phones working is never refused.
 */
public final class FailoverPolicy {
    static final Duration SBC_ANSWER_FRESH = Duration.ofSeconds(30);
    static final Duration SBC_ASK_AGAIN = Duration.ofSeconds(10);
    static final Duration SWITCH_RETRY = Duration.ofSeconds(5);
    static final Duration SWITCH_FAILURE_REPORT_GAP = Duration.ofMinutes(5);
    static final int MAX_HOLD_FACTOR = 16;

    /** @param checkSbc whether failback waits for the SBC to answer through the primary */
    public record Settings(Duration holdTime, Duration maxWait, int maxSwitchesPerHour, boolean checkSbc) {
        public static Settings of(AgentConfig config) {
            AgentConfig.Failover f = config.failover();
            return new Settings(
                    f.holdTime(),
                    f.maxWait(),
                    f.maxSwitchesPerHour(),
                    !config.sbc().hosts().isEmpty());
        }
    }

    /** The next state and what to do about it. */
    public record Transition(FailoverState next, List<FailoverAction> actions) {}

    private final Settings settings;

    public FailoverPolicy(Settings settings) {
        this.settings = settings;
    }

    public Transition on(FailoverState state, FailoverEvent event, Instant now) {
        StateDraft s = new StateDraft(state);
        List<FailoverAction> actions = new ArrayList<>();
        observe(s, event, now, actions);
        if (!s.phase.switching()) {
            decide(s, now, actions);
        }
        return new Transition(s.seal(now), actions);
    }

    /** The hold time now: the base, doubled for each further failover in the last hour. */
    public Duration holdTime(FailoverState state, Instant now) {
        long failovers = state.switches().stream()
                .filter(sw -> sw.to() == Uplink.LTE && !sw.at().isBefore(now.minusSeconds(3600)))
                .count();
        long factor = Math.min(MAX_HOLD_FACTOR, 1L << Math.min(30, Math.max(0, failovers - 1)));
        Duration hold = settings.holdTime().multipliedBy(factor);
        return hold.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : hold;
    }

    private void observe(StateDraft s, FailoverEvent event, Instant now, List<FailoverAction> actions) {
        switch (event) {
            case PrimaryHealth(UplinkHealth health) -> observePrimary(s, health, now);
            case LteReadiness(boolean ready) -> s.lteReady = ready;
            case MediaFlows(int active) -> s.mediaFlows = active;
            case SbcViaPrimary(boolean answered) -> observeSbc(s, answered, now, actions);
            case ModeSet(Mode mode, String by) -> {
                if (mode != s.mode) {
                    s.mode = mode;
                    actions.add(report(
                            "mode",
                            "info",
                            "Uplink mode set to " + mode.id() + " by " + by,
                            facts("mode", mode.id(), "by", by)));
                }
            }
            case Switched(Uplink to) -> switched(s, to, now, actions);
            case SwitchFailed(Uplink to, String error) -> {
                boolean firstInAWhile = s.lastSwitchFailure == null
                        || s.lastSwitchFailure.plus(SWITCH_FAILURE_REPORT_GAP).isBefore(now);
                s.enter(to == Uplink.LTE ? Phase.ON_PRIMARY : Phase.ON_LTE, now, "switch to " + to.id() + " failed");
                s.lastSwitchFailure = now;
                if (firstInAWhile) { // retried every few seconds: one report, not one per retry
                    actions.add(report(
                            "switch-failed",
                            "error",
                            "Could not move the phones to " + name(to) + ": " + error + " (retrying)",
                            facts("to", to.id(), "error", error)));
                }
            }

            case Tick() -> {}
        }
    }

    private static void observePrimary(StateDraft s, UplinkHealth health, Instant now) {
        s.primary = health;
        if (health.state() == State.UP) {
            s.primaryHealthySince = s.primaryHealthySince == null ? now : s.primaryHealthySince;
            if (s.phase == Phase.ON_PRIMARY) {
                s.outageStartedAt = null;
            }
        } else {
            s.primaryHealthySince = null;
            s.failbackAllowedSince = null;
        }
        if (health.state().unfitForVoice() && s.outageStartedAt == null && s.phase.uplink() == Uplink.PRIMARY) {
            s.outageStartedAt = health.lastGoodRound() == null ? now : health.lastGoodRound();
        }
    }

    private static void observeSbc(StateDraft s, boolean answered, Instant now, List<FailoverAction> actions) {
        s.sbcAnsweredAt = answered ? now : null;
        if (!answered) {
            notice(
                    s,
                    actions,
                    "sbc-unreachable",
                    "warning",
                    "The Internet line answers, but the provider's SBC does not through it: staying on LTE");
        }
    }

    private void switched(StateDraft s, Uplink to, Instant now, List<FailoverAction> actions) {
        String why = s.reason;
        if (s.mode == Mode.AUTO) {
            s.switches.add(new Switch(now, to));
        }
        if (to == Uplink.LTE) {
            Map<String, Object> facts = facts("reason", why, "mode", s.mode.id());
            if (s.outageStartedAt != null) {
                facts.put(
                        "detectionMs", Duration.between(s.outageStartedAt, now).toMillis());
            }
            actions.add(report("failover", "warning", "Phones moved to LTE: " + why, facts));
            s.lteSince = now;
        } else {
            Map<String, Object> facts = facts("reason", why, "mode", s.mode.id());
            if (s.lteSince != null) {
                facts.put("onLteSeconds", Duration.between(s.lteSince, now).toSeconds());
            }
            if (s.outageStartedAt != null && s.primaryHealthySince != null) {
                facts.put(
                        "outageSeconds",
                        Duration.between(s.outageStartedAt, s.primaryHealthySince)
                                .toSeconds());
            }
            actions.add(report("failback", "info", "Phones back on the Internet line: " + why, facts));
            s.lteSince = null;
            s.outageStartedAt = null;
        }
        s.enter(to == Uplink.LTE ? Phase.ON_LTE : Phase.ON_PRIMARY, now, why);
    }

    private void decide(StateDraft s, Instant now, List<FailoverAction> actions) {
        Uplink current = s.phase.uplink();
        switch (s.mode) {
            case FORCE_PRIMARY -> moveTo(s, Uplink.PRIMARY, "forced by the operator", now, actions);
            case FORCE_LTE -> moveTo(s, Uplink.LTE, "forced by the operator", now, actions);
            case AUTO -> {
                if (current == Uplink.PRIMARY) {
                    decideOnPrimary(s, now, actions);
                } else {
                    decideOnLte(s, now, actions);
                }
            }
        }
    }

    private void decideOnPrimary(StateDraft s, Instant now, List<FailoverAction> actions) {
        if (!s.primary.state().unfitForVoice()) {
            return;
        }
        if (s.lteReady) {
            moveTo(s, Uplink.LTE, describe(s.primary), now, actions);
        } else {
            notice(
                    s,
                    actions,
                    "no-backup",
                    "error",
                    "The Internet line is " + describe(s.primary)
                            + " and LTE is not ready: the phones have no service");
        }
    }

    private void decideOnLte(StateDraft s, Instant now, List<FailoverAction> actions) {
        State primary = s.primary.state();
        if (!s.lteReady && (primary == State.UP || primary == State.DEGRADED)) {
            moveTo(s, Uplink.PRIMARY, "LTE is not available and the Internet line answers", now, actions);
            return;
        }
        if (primary != State.UP || s.primaryHealthySince == null) {
            return;
        }
        Duration hold = holdTime(s.seal(now), now);
        if (Duration.between(s.primaryHealthySince, now).compareTo(hold) < 0) {
            return;
        }
        if (settings.checkSbc() && !sbcAnswered(s, now)) {
            if (s.sbcAskedAt == null || !s.sbcAskedAt.plus(SBC_ASK_AGAIN).isAfter(now)) {
                s.sbcAskedAt = now;
                actions.add(new CheckSbcViaPrimary());
            }
            return;
        }
        if (s.switches.stream()
                        .filter(sw -> !sw.at().isBefore(now.minusSeconds(3600)))
                        .count()
                >= settings.maxSwitchesPerHour()) {
            notice(
                    s,
                    actions,
                    "switch-cap",
                    "warning",
                    "The Internet line flapped " + s.switches.size()
                            + " times in the last hour: staying on LTE until it is stable");
            return;
        }
        s.failbackAllowedSince = s.failbackAllowedSince == null ? now : s.failbackAllowedSince;
        String healthy = "the Internet line has been healthy for " + hold.toSeconds() + " s"
                + (settings.checkSbc() ? " and the SBC answers through it" : "");
        if (s.mediaFlows == 0) {
            moveTo(s, Uplink.PRIMARY, healthy + "; no call in progress", now, actions);
        } else if (!s.failbackAllowedSince.plus(settings.maxWait()).isAfter(now)) {
            moveTo(
                    s,
                    Uplink.PRIMARY,
                    healthy + "; calls still active after " + settings.maxWait().toMinutes() + " min of waiting",
                    now,
                    actions);
        } else {
            notice(
                    s,
                    actions,
                    "waiting-for-calls",
                    "info",
                    "Failback waits for " + s.mediaFlows + " call(s) in progress to end");
        }
    }

    private void moveTo(StateDraft s, Uplink to, String why, Instant now, List<FailoverAction> actions) {
        if (s.phase.uplink() == to) {
            return;
        }
        if (s.lastSwitchFailure != null
                && s.lastSwitchFailure.plus(SWITCH_RETRY).isAfter(now)) {
            return;
        }
        s.enter(to == Uplink.LTE ? Phase.FAILING_OVER : Phase.FAILING_BACK, now, why);
        actions.add(new Activate(to, why));
    }

    private static boolean sbcAnswered(StateDraft s, Instant now) {
        return s.sbcAnsweredAt != null
                && !s.sbcAnsweredAt.plus(SBC_ANSWER_FRESH).isBefore(now);
    }

    private static void notice(StateDraft s, List<FailoverAction> actions, String key, String severity, String text) {
        if (s.noticed.add(key)) {
            actions.add(report(key, severity, text, facts()));
        }
    }

    private static String describe(UplinkHealth health) {
        if (health.state() == State.DOWN) {
            return "down (no answer from the probe targets)";
        }
        return String.format(
                java.util.Locale.ROOT,
                "degraded (loss %.0f %%, latency %s)",
                health.lossPercent(),
                health.latency() == null ? "-" : health.latency().toMillis() + " ms");
    }

    private static String name(Uplink uplink) {
        return uplink == Uplink.LTE ? "LTE" : "the Internet line";
    }

    private static Report report(String type, String severity, String message, Map<String, Object> facts) {
        return new Report(type, severity, message, facts);
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
