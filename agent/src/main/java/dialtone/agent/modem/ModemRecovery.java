package dialtone.agent.modem;

import dialtone.agent.events.EventLog;
import dialtone.agent.modem.RecoveryLadder.Outcome;
import dialtone.agent.modem.RecoveryLadder.Step;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Keeps the modem working: judges the watch's last reading every few seconds on its own thread
 * (a step may take a minute; nothing else waits for it), takes the {@link RecoveryLadder}'s steps,
 * and offers the SIM PIN through the {@link PinGate}.
 * Every step, and its failure, is an event.
 */
public final class ModemRecovery implements Service {

    public record Ports(LteModem modem, BooleanSupplier callsOnLte) {}

    private final ModemWatch watch;
    private final Ports ports;
    private final RecoveryLadder ladder;
    private final PinGate pins;
    private final Supplier<DataSettings> data;
    private volatile boolean reconnect;
    private final EventLog events;
    private final Clock clock;
    private final Periodic judgements;

    public ModemRecovery(
            ModemWatch watch,
            Ports ports,
            RecoveryLadder ladder,
            PinGate pins,
            Supplier<DataSettings> data,
            EventLog events,
            Clock clock,
            Duration interval) {
        this.watch = watch;
        this.ports = ports;
        this.ladder = ladder;
        this.pins = pins;
        this.data = data;
        this.events = events;
        this.clock = clock;
        this.judgements = new Periodic("modem-recovery", interval, interval, Duration.ofSeconds(2), this::judge);
    }

    @Override
    public String name() {
        return "modem recovery";
    }

    @Override
    public void start() {
        judgements.start();
    }

    @Override
    public void stop() {
        judgements.stop();
    }

    /** New data settings: the bearer is brought up with them at the next judgement (within seconds). */
    public void reconnect() {
        reconnect = true;
    }

    /** One judgement; never throws (an exception escaping a periodic task would end them all). */
    void judge() {
        try {
            if (reconnect) {
                reconnect = false;
                apply();
            }
            ModemStatus status = watch.silence() == null ? watch.status() : null;
            if (status != null && pin(status)) {
                return;
            }
            for (Outcome outcome :
                    ladder.observe(clock.instant(), status, ports.callsOnLte().getAsBoolean())) {
                act(outcome);
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in modem recovery; it goes on at the next reading");
        }
    }

    /** Offers the PIN when the gate allows; {@code true} when it did (the ladder waits for the result). */
    private boolean pin(ModemStatus status) {
        if (pins.judge(status.sim()) != PinGate.Verdict.OFFER) {
            return false;
        }
        try {
            ports.modem().enterPin(pins.pin());
            events.append(
                    "modem-pin-sent",
                    "info",
                    "The configured SIM PIN was offered to the SIM (once)",
                    facts(
                            "iccid",
                            status.sim().iccid(),
                            "attemptsLeftBefore",
                            status.sim().pinRetries()));
        } catch (HalException e) {
            events.append(
                    "modem-pin-refused",
                    "error",
                    "The SIM refused the configured PIN; it will not be offered again: correct lte.sim-pin",
                    facts("iccid", status.sim().iccid(), "error", e.getMessage()));
        }
        return true;
    }

    private void act(Outcome outcome) {
        switch (outcome) {
            case Outcome.TroubleFound t ->
                events.append(
                        "modem-trouble",
                        "warning",
                        "LTE modem: " + words(t.trouble()),
                        facts("trouble", t.trouble(), "detail", watch.silence()));
            case Outcome.TakeStep s -> take(s);
            case Outcome.AskAHuman a ->
                events.append(
                        "modem-needs-attention",
                        "error",
                        "LTE modem needs a person: " + words(a.trouble()) + advice(a.trouble()),
                        facts("trouble", a.trouble()));
            case Outcome.Recovered r ->
                events.append(
                        "modem-recovered",
                        "info",
                        "LTE modem working again" + (r.lastStep() == null ? "" : " after " + words(r.lastStep())),
                        facts(
                                "trouble",
                                r.trouble(),
                                "step",
                                r.lastStep(),
                                "seconds",
                                r.took().toSeconds()));
            case Outcome.Paused p ->
                events.append(
                        "modem-recovery-paused",
                        "warning",
                        "LTE modem recovery paused: the hour's attempts are spent",
                        facts("trouble", p.trouble(), "until", p.until().toString()));
            case Outcome.WaitingForCalls w ->
                events.append(
                        "modem-recovery-deferred",
                        "info",
                        "LTE modem " + words(w.step()) + " waits until the calls on LTE end",
                        facts("step", w.step()));
        }
    }

    private void take(Outcome.TakeStep s) {
        events.append(
                "modem-recovery-step",
                "warning",
                "LTE modem: " + words(s.trouble()) + "; trying " + words(s.step()),
                facts("step", s.step(), "trouble", s.trouble()));
        try {
            switch (s.step()) {
                case RECONNECT -> ports.modem().connect(data.get());
                case RESET -> ports.modem().reset();
                case POWER_CYCLE -> ports.modem().powerCycle();
                case ASK_A_HUMAN -> throw new IllegalStateException("asking is not a step to take");
            }
        } catch (HalException e) {
            ladder.stepFailed();
            events.append(
                    "modem-recovery-step-failed",
                    "warning",
                    "LTE modem " + words(s.step()) + " failed: " + e.getMessage(),
                    facts("step", s.step(), "error", e.getMessage()));
        }
    }

    private void apply() {
        try {
            ports.modem().connect(data.get());
            events.append(
                    "lte-settings-applied", "info", "LTE data connection re-made with the new settings", Map.of());
        } catch (HalException e) {
            events.append(
                    "lte-settings-apply-failed",
                    "warning",
                    "The new LTE settings could not be applied yet: " + e.getMessage(),
                    Map.of("error", e.getMessage()));
        }
    }

    private static String words(Step step) {
        return step.name().toLowerCase().replace('_', ' ');
    }

    private static String words(RecoveryLadder.Trouble trouble) {
        return switch (trouble) {
            case NONE -> "working";
            case SILENT -> "does not answer";
            case ABSENT -> "not found (unplugged or gone from USB)";
            case STUCK_SEARCHING -> "searching for the network for too long";
            case BEARER_DOWN -> "registered but without a data connection";
            case NO_SIM -> "no SIM card";
            case SIM_LOCKED -> "the SIM is locked (PIN or PUK)";
            case DENIED -> "the network refuses the SIM";
            case NO_COVERAGE -> "no LTE coverage here";
        };
    }

    private static String advice(RecoveryLadder.Trouble trouble) {
        return switch (trouble) {
            case NO_SIM -> " (insert the provider's SIM)";
            case SIM_LOCKED -> " (set lte.sim-pin, or unlock the SIM with its PUK in a phone)";
            case DENIED -> " (the carrier must activate the SIM; roaming may be off)";
            case NO_COVERAGE -> " (move the antenna: the installer page's antenna mode helps)";
            default -> " (recovery steps did not help; check or replace the modem)";
        };
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put(
                        (String) pairs[i],
                        pairs[i + 1] instanceof Enum<?> e ? e.name().toLowerCase() : pairs[i + 1]);
            }
        }
        return facts;
    }
}
