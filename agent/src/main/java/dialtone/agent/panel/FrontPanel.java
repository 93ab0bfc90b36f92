package dialtone.agent.panel;

import dialtone.agent.panel.ButtonGesture.Display;
import dialtone.hal.gpio.Indicators.Led;
import dialtone.hal.gpio.Indicators.LedPattern;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that decides what the LEDs show: the status, or what the button is doing (the lamp
 * test, the reset countdown). Pure; docs/hardware.md is the same table in words.
 */
public final class FrontPanel {
    private FrontPanel() {}

    public static Map<Led, LedPattern> show(PanelState state, Display display) {
        Map<Led, LedPattern> leds = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            leds.put(
                    led,
                    switch (display.mode()) {
                        case STATUS -> status(led, state);
                        case LAMP_TEST -> LedPattern.ON;
                        case COUNTDOWN -> led.ordinal() < display.lit() ? LedPattern.ON : LedPattern.BLINK_FAST;
                    });
        }
        return leds;
    }

    private static LedPattern status(Led led, PanelState state) {
        return switch (led) {
            case HEALTH -> state.healthy() ? LedPattern.ON : LedPattern.BLINK_SLOW;
            case UPLINK ->
                switch (state.uplink()) {
                    case PRIMARY -> LedPattern.ON;
                    case LTE -> LedPattern.BLINK_SLOW;
                    case SWITCHING -> LedPattern.BLINK_FAST;
                    case NONE -> LedPattern.OFF;
                };
            case SIGNAL ->
                switch (state.signal()) {
                    case GOOD -> LedPattern.ON;
                    case WEAK, NOT_READY -> LedPattern.BLINK_SLOW;
                    case FAULT -> LedPattern.BLINK_FAST;
                };
            case E911 ->
                switch (state.e911()) {
                    case REGISTERED -> LedPattern.ON;
                    case UNVERIFIED -> LedPattern.BLINK_SLOW;
                    case MISSING -> LedPattern.BLINK_FAST;
                };
        };
    }
}
