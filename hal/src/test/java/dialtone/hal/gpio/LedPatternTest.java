package dialtone.hal.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.gpio.Indicators.LedPattern;
import org.junit.jupiter.api.Test;

class LedPatternTest {

    @Test
    void steadyPatternsNeverChange() {
        for (long ms : new long[] {0, 124, 125, 499, 500, 86_400_000}) {
            assertThat(LedPattern.ON.lit(ms)).isTrue();
            assertThat(LedPattern.OFF.lit(ms)).isFalse();
        }
    }

    @Test
    void aSlowBlinkIsOneHertzLitFirst() {
        assertThat(LedPattern.BLINK_SLOW.lit(0)).isTrue();
        assertThat(LedPattern.BLINK_SLOW.lit(499)).isTrue();
        assertThat(LedPattern.BLINK_SLOW.lit(500)).isFalse();
        assertThat(LedPattern.BLINK_SLOW.lit(999)).isFalse();
        assertThat(LedPattern.BLINK_SLOW.lit(1000)).isTrue();
    }

    @Test
    void aFastBlinkIsFourHertzLitFirst() {
        assertThat(LedPattern.BLINK_FAST.lit(0)).isTrue();
        assertThat(LedPattern.BLINK_FAST.lit(124)).isTrue();
        assertThat(LedPattern.BLINK_FAST.lit(125)).isFalse();
        assertThat(LedPattern.BLINK_FAST.lit(250)).isTrue();
        assertThat(LedPattern.BLINK_FAST.lit(375)).isFalse();
    }
}
