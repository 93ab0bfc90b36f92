package dialtone.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.e911.LocationService;
import dialtone.agent.panel.ButtonGesture.Display;
import dialtone.agent.panel.PanelState.Carrier;
import dialtone.agent.panel.PanelState.LteSignal;
import dialtone.hal.gpio.Indicators.Led;
import dialtone.hal.gpio.Indicators.LedPattern;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontPanelTest {
    private static final PanelState ALL_WELL =
            new PanelState(true, Carrier.PRIMARY, LteSignal.GOOD, LocationService.Status.REGISTERED);

    @Test
    void aBoxWithNothingWrongIsAllSteady() {
        assertThat(FrontPanel.show(ALL_WELL, Display.STATUS))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Led.HEALTH, LedPattern.ON,
                        Led.UPLINK, LedPattern.ON,
                        Led.SIGNAL, LedPattern.ON,
                        Led.E911, LedPattern.ON));
    }

    @ParameterizedTest
    @CsvSource({"PRIMARY, ON", "LTE, BLINK_SLOW", "SWITCHING, BLINK_FAST", "NONE, OFF"})
    void theUplinkLed(Carrier carrier, LedPattern expected) {
        PanelState state = new PanelState(true, carrier, LteSignal.GOOD, LocationService.Status.REGISTERED);

        assertThat(FrontPanel.show(state, Display.STATUS)).containsEntry(Led.UPLINK, expected);
    }

    @ParameterizedTest
    @CsvSource({"GOOD, ON", "WEAK, BLINK_SLOW", "NOT_READY, BLINK_SLOW", "FAULT, BLINK_FAST"})
    void theSignalLed(LteSignal signal, LedPattern expected) {
        PanelState state = new PanelState(true, Carrier.PRIMARY, signal, LocationService.Status.REGISTERED);

        assertThat(FrontPanel.show(state, Display.STATUS)).containsEntry(Led.SIGNAL, expected);
    }

    @ParameterizedTest
    @CsvSource({"REGISTERED, ON", "UNVERIFIED, BLINK_SLOW", "MISSING, BLINK_FAST"})
    void the911Led(LocationService.Status e911, LedPattern expected) {
        PanelState state = new PanelState(true, Carrier.PRIMARY, LteSignal.GOOD, e911);

        assertThat(FrontPanel.show(state, Display.STATUS)).containsEntry(Led.E911, expected);
    }

    @Test
    void aBoxWithoutItsPolicyBlinksHealthSlowly() {
        PanelState state = new PanelState(false, Carrier.PRIMARY, LteSignal.GOOD, LocationService.Status.REGISTERED);

        assertThat(FrontPanel.show(state, Display.STATUS)).containsEntry(Led.HEALTH, LedPattern.BLINK_SLOW);
    }

    @Test
    void theLampTestLightsEverythingWhateverTheStatus() {
        PanelState bad = new PanelState(false, Carrier.NONE, LteSignal.FAULT, LocationService.Status.MISSING);

        assertThat(FrontPanel.show(bad, new Display(Display.Mode.LAMP_TEST, 0)))
                .containsOnlyKeys(Led.values())
                .allSatisfy((led, pattern) -> assertThat(pattern).isEqualTo(LedPattern.ON));
    }

    @Test
    void theCountdownLightsTheLedsInOrderWhileTheRestBlinkFast() {
        assertThat(FrontPanel.show(ALL_WELL, new Display(Display.Mode.COUNTDOWN, 0))
                        .values())
                .containsOnly(LedPattern.BLINK_FAST);
        assertThat(FrontPanel.show(ALL_WELL, new Display(Display.Mode.COUNTDOWN, 2)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Led.HEALTH, LedPattern.ON,
                        Led.UPLINK, LedPattern.ON,
                        Led.SIGNAL, LedPattern.BLINK_FAST,
                        Led.E911, LedPattern.BLINK_FAST));
        assertThat(FrontPanel.show(ALL_WELL, new Display(Display.Mode.COUNTDOWN, 4))
                        .values())
                .containsOnly(LedPattern.ON);
    }
}
