package dialtone.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.panel.ButtonGesture.Display;
import dialtone.agent.panel.ButtonGesture.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonGestureTest {
    private static final long START = 7_000_000_000L; // a monotonic clock starts anywhere

    private final ButtonGesture gesture = new ButtonGesture();
    private final List<Outcome> outcomes = new ArrayList<>();

    @Test
    void aShortPressShowsTheStatusAfterALampTest() {
        press(0);
        release(300);

        assertThat(outcomes).containsExactly(Outcome.SHOW_STATUS);
        assertThat(gesture.display(at(300)).mode()).isEqualTo(Display.Mode.LAMP_TEST);
        assertThat(gesture.display(at(2_299)).mode()).isEqualTo(Display.Mode.LAMP_TEST);
        assertThat(gesture.display(at(2_300))).isEqualTo(Display.STATUS);
    }

    @Test
    void holdingTenSecondsResetsEvenWhileStillHeld() {
        press(0);
        ticksUntil(9_999);
        assertThat(outcomes).isEmpty();

        ticksUntil(10_000);
        assertThat(outcomes).containsExactly(Outcome.RESET);

        ticksUntil(15_000);
        release(15_000);
        assertThat(outcomes).as("one reset per hold, nothing on release").containsExactly(Outcome.RESET);
    }

    @Test
    void theCountdownLightsOneLedMoreEveryTwoAndAHalfSeconds() {
        press(0);

        assertThat(gesture.display(at(1_999)))
                .as("could still be a short press")
                .isEqualTo(Display.STATUS);
        assertThat(gesture.display(at(2_000))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 0));
        assertThat(gesture.display(at(2_500))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 1));
        assertThat(gesture.display(at(5_000))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 2));
        assertThat(gesture.display(at(7_499))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 2));
        assertThat(gesture.display(at(7_500))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 3));
        assertThat(gesture.display(at(10_000))).isEqualTo(new Display(Display.Mode.COUNTDOWN, 4));
    }

    @Test
    void releasingAt9point9SecondsCancels() {
        press(0);
        ticksUntil(9_900);
        release(9_900);

        assertThat(outcomes).containsExactly(Outcome.CANCELLED);
        assertThat(gesture.lastHeldNanos()).isEqualTo(9_900_000_000L);
        assertThat(gesture.display(at(9_900))).isEqualTo(Display.STATUS);
        ticksUntil(20_000);
        assertThat(outcomes).containsExactly(Outcome.CANCELLED);
    }

    @Test
    void aReleaseAfterTenSecondsSeenBeforeAnyTickStillResets() {
        press(0);
        release(10_050);

        assertThat(outcomes).containsExactly(Outcome.RESET);
    }

    @Test
    void contactBounceIsNotAPress() {
        press(0);
        release(4);
        press(9);
        release(12);

        assertThat(outcomes).isEmpty();
        assertThat(gesture.display(at(20))).isEqualTo(Display.STATUS);
    }

    @Test
    void aBouncyPressCountsOnceAndItsHoldFromTheSettledPress() {
        press(0);
        release(3);
        press(8); // bounces, then held
        ticksUntil(10_007);
        assertThat(outcomes).isEmpty();

        ticksUntil(10_008);
        assertThat(outcomes).containsExactly(Outcome.RESET);
    }

    @Test
    void aRepeatedPressEdgeDoesNotRestartTheHold() {
        press(0);
        press(5_000);
        ticksUntil(10_000);

        assertThat(outcomes).containsExactly(Outcome.RESET);
    }

    @Test
    void aReleaseWithoutAPressIsNothing() {
        release(0);

        assertThat(outcomes).isEmpty();
    }

    private void press(long ms) {
        add(gesture.changed(true, at(ms)));
    }

    private void release(long ms) {
        add(gesture.changed(false, at(ms)));
    }

    /** Ticks every 250 ms (as the service does) up to and including {@code ms}. */
    private void ticksUntil(long ms) {
        for (long t = lastTick; t <= ms; t += 250) {
            add(gesture.tick(at(t)));
            lastTick = t + 250;
        }
        add(gesture.tick(at(ms)));
    }

    private long lastTick;

    private void add(Optional<Outcome> outcome) {
        outcome.ifPresent(outcomes::add);
    }

    private static long at(long ms) {
        return START + ms * 1_000_000;
    }
}
