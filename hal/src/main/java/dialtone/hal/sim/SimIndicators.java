package dialtone.hal.sim;

import dialtone.hal.gpio.Indicators;
import java.util.EnumMap;
import java.util.Map;

/** The simulated front panel: remembers what each LED shows. */
public final class SimIndicators implements Indicators {
    private final Map<Led, LedPattern> shown = new EnumMap<>(Led.class);

    @Override
    public synchronized void show(Led led, LedPattern pattern) {
        shown.put(led, pattern);
    }

    public synchronized LedPattern shown(Led led) {
        return shown.getOrDefault(led, LedPattern.OFF);
    }
}
