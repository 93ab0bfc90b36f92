package dialtone.agent.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.failover.UplinkHealth.State;
import dialtone.hal.net.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeWindowTest {
    private static final ProbeResult OK = ProbeResult.answered(Duration.ofMillis(20));
    private static final ProbeResult LOST = ProbeResult.lost("timeout");

    private final ProbeWindow window = new ProbeWindow(new ProbeWindow.Rule(10, 1, 3, 20.0, Duration.ofMillis(300)));
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private UplinkHealth round(ProbeResult... results) {
        now = now.plusSeconds(1);
        return window.record(new ProbeWindow.Round(now, List.of(results)));
    }

    @Test
    void unknownBeforeAnyRound() {
        assertThat(window.health()).isEqualTo(UplinkHealth.UNKNOWN);
    }

    @Test
    void upWhenTargetsAnswer() {
        UplinkHealth health = round(OK, OK, OK);

        assertThat(health.state()).isEqualTo(State.UP);
        assertThat(health.lossPercent()).isZero();
        assertThat(health.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(health.lastRound()).isEqualTo(now);
    }

    @Test
    void oneDeadTargetIsNotADeadLine() {
        for (int i = 0; i < 10; i++) {
            round(OK, LOST, OK);
        }
        assertThat(window.health().state())
                .as("a third of probes lost: degraded, not down")
                .isEqualTo(State.DEGRADED);
    }

    @Test
    void downAfterThreeRoundsWithNoAnswer() {
        round(OK, OK, OK);
        assertThat(round(LOST, LOST, LOST).state()).isNotEqualTo(State.DOWN);
        assertThat(round(LOST, LOST, LOST).state()).isNotEqualTo(State.DOWN);
        UplinkHealth down = round(LOST, LOST, LOST);

        assertThat(down.state()).isEqualTo(State.DOWN);
        assertThat(down.lossPercent()).isEqualTo(75.0);
        assertThat(round(OK, OK, OK).state()).as("one good round ends it").isNotEqualTo(State.DOWN);
    }

    @Test
    void aLineDeadFromBootIsUnknownThenDown() {
        assertThat(round(LOST, LOST).state()).isEqualTo(State.UNKNOWN);
        assertThat(round(LOST, LOST).state()).isEqualTo(State.UNKNOWN);
        assertThat(round(LOST, LOST).state()).isEqualTo(State.DOWN);
    }

    @Test
    void slowAnswersAreDegraded() {
        ProbeResult slow = ProbeResult.answered(Duration.ofMillis(450));

        for (int i = 0; i < 4; i++) {
            assertThat(round(slow, slow).state())
                    .as("not judged on a few rounds")
                    .isEqualTo(State.UP);
        }
        assertThat(round(slow, slow).state()).isEqualTo(State.DEGRADED);
        assertThat(window.health().latency()).isEqualTo(Duration.ofMillis(450));
    }

    @Test
    void theWindowForgetsOldRounds() {
        for (int i = 0; i < 10; i++) {
            round(LOST, OK);
        }
        List<UplinkHealth> healths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            healths.add(round(OK, OK));
        }
        assertThat(healths.getLast().lossPercent()).isZero();
        assertThat(healths.getLast().state()).isEqualTo(State.UP);
    }

    @Test
    void aLineBackFromAnOutageIsJudgedAfresh() {
        for (int i = 0; i < 10; i++) {
            round(OK, OK);
        }
        for (int i = 0; i < 6; i++) {
            round(LOST, LOST);
        }
        assertThat(window.health().state()).isEqualTo(State.DOWN);

        UplinkHealth back = round(OK, OK);

        assertThat(back.state()).isEqualTo(State.UP);
        assertThat(back.lossPercent()).isZero();
    }

    @Test
    void aRoundWithoutTargetsIsBad() {
        round();
        round();
        assertThat(round().state()).isEqualTo(State.DOWN);
    }
}
