package dialtone.agent.modem;

import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * When and how to bring back a modem that has hung or lost its way: pure, fed one reading at a
 * time (every few seconds) and told when a step it asked for failed.
 *
 * <p>Trouble must last its grace before anything is done (a modem re-registering for a minute is
 * normal). Then the steps climb, each given time to settle: reconnect the data bearer, reset the
 * modem, cut its power, then ask a human. A step that fails outright (no answer) climbs at once.
 * Steps that cut the radio wait while calls are on LTE: a silent ModemManager is not worth a
 * dropped call. At most {@code maxStepsPerHour} steps in any hour; after asking for a human the
 * ladder rests an hour, then tries again from the bottom. Trouble no step can mend (no SIM, a
 * locked SIM, the network denying us, no coverage) goes straight to a human.
 */
public final class RecoveryLadder {

    public enum Trouble {
        NONE,
        /** The modem (or ModemManager) does not answer. */
        SILENT,
        /** No modem: unplugged, or gone from USB. */
        ABSENT,
        /** Searching with a good SIM and some signal, for longer than registering takes. */
        STUCK_SEARCHING,
        /** Registered, but no data bearer. */
        BEARER_DOWN,
        NO_SIM,
        /** PIN required (and none to give) or PUK locked. */
        SIM_LOCKED,
        /** The network refuses the SIM (not provisioned, roaming not allowed). */
        DENIED,
        NO_COVERAGE;

        boolean needsHuman() {
            return this == NO_SIM || this == SIM_LOCKED || this == DENIED || this == NO_COVERAGE;
        }
    }

    public enum Step {
        RECONNECT,
        RESET,
        POWER_CYCLE,
        ASK_A_HUMAN;

        boolean cutsTheRadio() {
            return this == RESET || this == POWER_CYCLE;
        }
    }

    /**
     * @param grace how long trouble must last before the ladder starts (stuck searching waits four
     *     times as long: registering after a reset takes a minute or two)
     * @param settle how long a step gets to work before the next
     */
    public record Settings(Duration grace, Duration settle, int maxStepsPerHour) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(30), Duration.ofSeconds(90), 6);
    }

    /** What the service does and tells after a reading. */
    public sealed interface Outcome {
        record TroubleFound(Trouble trouble) implements Outcome {}

        record TakeStep(Step step, Trouble trouble) implements Outcome {}

        record AskAHuman(Trouble trouble) implements Outcome {}

        record Recovered(Trouble trouble, Step lastStep, Duration took) implements Outcome {}

        /** The hour's steps are spent; the next is allowed at {@code until}. */
        record Paused(Trouble trouble, Instant until) implements Outcome {}

        /** A step that would cut the radio waits for the calls on LTE to end. */
        record WaitingForCalls(Step step) implements Outcome {}
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private final Settings settings;
    private final Deque<Instant> steps = new ArrayDeque<>();
    private Trouble trouble = Trouble.NONE;
    private Instant since;
    private boolean found;
    private int next;
    private Step last;
    private Instant lastStepAt;
    private Instant restingUntil;
    private boolean told;

    public RecoveryLadder(Settings settings) {
        this.settings = settings;
    }

    /** A reading: the modem's status, or {@code null} when it did not answer. */
    public List<Outcome> observe(Instant now, ModemStatus status, boolean callsOnLte) {
        Trouble seen = classify(status);
        List<Outcome> outcomes = new ArrayList<>();
        if (seen == Trouble.NONE) {
            if (found) {
                outcomes.add(new Outcome.Recovered(trouble, last, Duration.between(since, now)));
            }
            clear();
            return outcomes;
        }
        if (trouble == Trouble.NONE) {
            since = now;
        } else if (seen != trouble) {
            told = false;
            if (found && !seen.needsHuman()) { // e.g. silent, then searching after a reset: the ladder goes on
                outcomes.add(new Outcome.TroubleFound(seen));
            }
        }
        trouble = seen;
        if (!found && Duration.between(since, now).compareTo(grace(seen)) >= 0) {
            found = true;
            outcomes.add(new Outcome.TroubleFound(seen));
        }
        if (!found) {
            return outcomes;
        }
        if (seen.needsHuman()) {
            tellOnce(outcomes, new Outcome.AskAHuman(seen));
            return outcomes;
        }
        climb(now, callsOnLte, outcomes);
        return outcomes;
    }

    /** The step asked for failed outright: the next may go at the next reading. */
    public void stepFailed() {
        lastStepAt = null;
    }

    private void climb(Instant now, boolean callsOnLte, List<Outcome> outcomes) {
        if (restingUntil != null && now.isBefore(restingUntil)) {
            return;
        }
        if (lastStepAt != null && Duration.between(lastStepAt, now).compareTo(settings.settle()) < 0) {
            return;
        }
        Step step = Step.values()[next];
        if (step == Step.ASK_A_HUMAN) {
            outcomes.add(new Outcome.AskAHuman(trouble));
            restingUntil = now.plus(HOUR);
            next = 0;
            lastStepAt = null;
            return;
        }
        while (!steps.isEmpty() && !steps.peekFirst().isAfter(now.minus(HOUR))) {
            steps.removeFirst();
        }
        if (steps.size() >= settings.maxStepsPerHour()) {
            tellOnce(outcomes, new Outcome.Paused(trouble, steps.peekFirst().plus(HOUR)));
            return;
        }
        if (step.cutsTheRadio() && callsOnLte) {
            tellOnce(outcomes, new Outcome.WaitingForCalls(step));
            return;
        }
        outcomes.add(new Outcome.TakeStep(step, trouble));
        told = false;
        steps.addLast(now);
        last = step;
        lastStepAt = now;
        next++;
    }

    private void tellOnce(List<Outcome> outcomes, Outcome outcome) {
        if (!told) {
            outcomes.add(outcome);
            told = true;
        }
    }

    private void clear() {
        trouble = Trouble.NONE;
        since = null;
        found = false;
        next = 0;
        last = null;
        lastStepAt = null;
        restingUntil = null;
        told = false;
    }

    private Duration grace(Trouble trouble) {
        return trouble == Trouble.STUCK_SEARCHING ? settings.grace().multipliedBy(4) : settings.grace();
    }

    /** What is wrong with the modem, judging by one reading; {@code null} is no answer. */
    static Trouble classify(ModemStatus status) {
        if (status == null) {
            return Trouble.SILENT;
        }
        if (!status.present()) {
            return Trouble.ABSENT;
        }
        SimState sim = status.sim().state();
        if (sim == SimState.MISSING) {
            return Trouble.NO_SIM;
        }
        if (sim == SimState.PIN_REQUIRED || sim == SimState.PUK_LOCKED) {
            return Trouble.SIM_LOCKED;
        }
        Registration registration = status.registration();
        if (registration == Registration.DENIED) {
            return Trouble.DENIED;
        }
        if (status.bearer().connected()) {
            return Trouble.NONE;
        }
        if (registration.registered()
                || registration == Registration.UNKNOWN && status.signal().rsrpDbm() == null) {
            return Trouble.BEARER_DOWN; // an LTE router on Ethernet tells nothing but its link: reconnect first
        }
        return status.signal().bars() == 0 ? Trouble.NO_COVERAGE : Trouble.STUCK_SEARCHING;
    }
}
