package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dialtone.hal.HalException;
import dialtone.hal.gpio.Indicators.Led;
import dialtone.hal.gpio.Indicators.LedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GPIO adapter on Pi4J's mock pins: what the LEDs' outputs do, what the button's input reports. */
class Pi4jPanelTest {
    static final Pi4jPanel.Pins PINS = new Pi4jPanel.Pins(5, 6, 13, 19, 26);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    private final Pi4jPanel panel = Pi4jPanel.open(PINS, () -> pi4j, nanos::get);

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void eachLedDrivesItsOwnPinHighWhenOn() {
        panel.show(Led.UPLINK, LedPattern.ON);

        assertThat(output(Led.UPLINK).state()).isEqualTo(DigitalState.HIGH);
        assertThat(output(Led.UPLINK).address()).isEqualTo(6);
        assertThat(output(Led.HEALTH).state()).isEqualTo(DigitalState.LOW);

        panel.show(Led.UPLINK, LedPattern.OFF);
        assertThat(output(Led.UPLINK).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aBlinkStartsLitAndFollowsTheClock() {
        panel.show(Led.E911, LedPattern.BLINK_FAST);
        assertThat(output(Led.E911).state()).isEqualTo(DigitalState.HIGH);

        advanceMillis(130);
        assertThat(output(Led.E911).state()).isEqualTo(DigitalState.LOW);
        advanceMillis(125);
        assertThat(output(Led.E911).state()).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void showingTheSamePatternAgainKeepsItsRhythm() {
        panel.show(Led.SIGNAL, LedPattern.BLINK_SLOW);
        advanceMillis(600);
        panel.show(Led.SIGNAL, LedPattern.BLINK_SLOW);

        assertThat(output(Led.SIGNAL).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void theButtonPullsTheLineLowWhenPressed() {
        List<String> heard = new ArrayList<>();
        panel.onChange((pressed, at) -> heard.add(pressed + "@" + at));
        MockDigitalInput button = pi4j.io("button");
        assertThat(button.address()).isEqualTo(26);

        button.mockState(DigitalState.HIGH); // idle: pulled up (a mock input starts low)
        nanos.set(2_000_000_000L);
        button.mockState(DigitalState.LOW);
        nanos.set(2_500_000_000L);
        button.mockState(DigitalState.HIGH);

        assertThat(heard).containsExactly("false@1000000000", "true@2000000000", "false@2500000000");
    }

    @Test
    void pinsThatCannotBeOpenedAreAClearRefusal() {
        assertThatThrownBy(() -> Pi4jPanel.open(
                        PINS,
                        () -> {
                            throw new UnsatisfiedLinkError("no pi4j-gpiod in java.library.path");
                        },
                        nanos::get))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("no pi4j-gpiod")
                .hasMessageContaining("gpio.enabled = false");
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
        panel.refresh();
    }

    private DigitalOutput output(Led led) {
        return pi4j.io("led-" + led.name().toLowerCase(), DigitalOutput.class);
    }
}
