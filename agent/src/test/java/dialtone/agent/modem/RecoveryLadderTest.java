package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.modem.RecoveryLadder.Outcome;
import dialtone.agent.modem.RecoveryLadder.Step;
import dialtone.agent.modem.RecoveryLadder.Trouble;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryLadderTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final ModemStatus READY = status(SimState.READY, Registration.HOME, -90.0, true);

    @Test
    void troubleIsJudgedByWhatCanMendIt() {
        assertThat(RecoveryLadder.classify(READY)).isEqualTo(Trouble.NONE);
        assertThat(RecoveryLadder.classify(null)).isEqualTo(Trouble.SILENT);
        assertThat(RecoveryLadder.classify(ModemStatus.ABSENT)).isEqualTo(Trouble.ABSENT);
        assertThat(RecoveryLadder.classify(status(SimState.READY, Registration.HOME, -90.0, false)))
                .isEqualTo(Trouble.BEARER_DOWN);
        assertThat(RecoveryLadder.classify(status(SimState.READY, Registration.SEARCHING, -100.0, false)))
                .isEqualTo(Trouble.STUCK_SEARCHING);
        assertThat(RecoveryLadder.classify(status(SimState.READY, Registration.SEARCHING, -130.0, false)))
                .isEqualTo(Trouble.NO_COVERAGE);
        assertThat(RecoveryLadder.classify(status(SimState.READY, Registration.DENIED, -90.0, false)))
                .isEqualTo(Trouble.DENIED);
        assertThat(RecoveryLadder.classify(status(SimState.MISSING, Registration.UNKNOWN, null, false)))
                .isEqualTo(Trouble.NO_SIM);
        assertThat(RecoveryLadder.classify(status(SimState.PIN_REQUIRED, Registration.UNKNOWN, null, false)))
                .isEqualTo(Trouble.SIM_LOCKED);
        assertThat(RecoveryLadder.classify(status(SimState.UNKNOWN, Registration.UNKNOWN, null, false)))
                .as("an LTE router on Ethernet with its link down")
                .isEqualTo(Trouble.BEARER_DOWN);
    }

    @Test
    void nothingHappensWithinTheGrace() {
        RecoveryLadder ladder = new RecoveryLadder(RecoveryLadder.Settings.DEFAULT);
        List<Outcome> outcomes = feed(ladder, null, T0, Duration.ofSeconds(25), false);
        assertThat(outcomes).isEmpty();
        assertThat(ladder.observe(T0.plusSeconds(25), READY, false)).isEmpty();
    }

    @Test
    void troubleNoStepMendsGoesStraightToAPersonOnce() {
        RecoveryLadder ladder = new RecoveryLadder(RecoveryLadder.Settings.DEFAULT);
        List<Outcome> outcomes = feed(
                ladder, status(SimState.MISSING, Registration.UNKNOWN, null, false), T0, Duration.ofMinutes(30), false);
        assertThat(outcomes)
                .containsExactly(new Outcome.TroubleFound(Trouble.NO_SIM), new Outcome.AskAHuman(Trouble.NO_SIM));
    }

    @Test
    void stepsAreBoundedPerHour() {
        RecoveryLadder ladder =
                new RecoveryLadder(new RecoveryLadder.Settings(Duration.ofSeconds(30), Duration.ofSeconds(90), 2));
        List<Outcome> outcomes = feed(ladder, null, T0, Duration.ofMinutes(10), false);

        assertThat(outcomes.stream().filter(Outcome.TakeStep.class::isInstance))
                .extracting(o -> ((Outcome.TakeStep) o).step())
                .containsExactly(Step.RECONNECT, Step.RESET);
        assertThat(outcomes).filteredOn(Outcome.Paused.class::isInstance).hasSize(1);
    }

    @Test
    void aRecoveryNamesTheStepThatWorkedAndHowLongItTook() {
        RecoveryLadder ladder = new RecoveryLadder(RecoveryLadder.Settings.DEFAULT);
        feed(ladder, null, T0, Duration.ofSeconds(40), false);
        assertThat(ladder.observe(T0.plusSeconds(60), READY, false))
                .containsExactly(new Outcome.Recovered(Trouble.SILENT, Step.RECONNECT, Duration.ofSeconds(60)));
    }

    private static List<Outcome> feed(
            RecoveryLadder ladder, ModemStatus status, Instant from, Duration length, boolean calls) {
        List<Outcome> all = new ArrayList<>();
        for (long s = 0; s <= length.toSeconds(); s += 5) {
            all.addAll(ladder.observe(from.plusSeconds(s), status, calls));
        }
        return all;
    }

    private static ModemStatus status(SimState sim, Registration registration, Double rsrp, boolean bearer) {
        return new ModemStatus(
                true,
                new SimCard(sim, null, null, null),
                registration,
                null,
                null,
                new Signal(null, rsrp, null, null),
                null,
                bearer ? new Bearer(true, "apn", "100.64.0.2") : Bearer.DOWN,
                null,
                null);
    }
}
