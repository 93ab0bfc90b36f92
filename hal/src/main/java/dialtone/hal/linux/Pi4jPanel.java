package dialtone.hal.linux;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import dialtone.hal.HalException;
import dialtone.hal.gpio.Buttons;
import dialtone.hal.gpio.Indicators;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The front panel on GPIO through Pi4J: the four LEDs (blinking done here, on one small thread)
 * and the push button (internal pull-up, pressed = low, debounced), behind the hal's ports.
 */
public final class Pi4jPanel implements Indicators, Buttons, AutoCloseable {
    /** Pi4J's gpiod listener reports an edge once the line has been still this long (microseconds). */
    static final long DEBOUNCE_MICROS = 20_000;
    /** Blink steps: half the fast blink's half period, so no edge is late by more than 62 ms. */
    static final long STEP_MILLIS = 62;

    /** BCM pin numbers (GPIO n, not header pin numbers). */
    public record Pins(int health, int uplink, int signal, int e911, int button) {
        /** For messages: {@code BCM 5, 6, 13, 19 and button 26}. */
        String numbers() {
            return "BCM " + health + ", " + uplink + ", " + signal + ", " + e911 + " and button " + button;
        }

        int of(Led led) {
            return switch (led) {
                case HEALTH -> health;
                case UPLINK -> uplink;
                case SIGNAL -> signal;
                case E911 -> e911;
            };
        }
    }

    private record Showing(LedPattern pattern, long sinceNanos) {}

    private final Context pi4j;
    private final Map<Led, DigitalOutput> leds = new EnumMap<>(Led.class);
    private final Map<Led, Showing> showing = new EnumMap<>(Led.class);
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService blinker;
    private boolean failing;

    private Pi4jPanel(Context pi4j, Pins pins, LongSupplier nanoTime) {
        this.pi4j = pi4j;
        this.nanoTime = nanoTime;
        for (Led led : Led.values()) {
            leds.put(
                    led,
                    pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                            .id("led-" + led.name().toLowerCase())
                            .address(pins.of(led))
                            .initial(DigitalState.LOW)
                            .shutdown(DigitalState.LOW)));
            showing.put(led, new Showing(LedPattern.OFF, nanoTime.getAsLong()));
        }
        DigitalInput button = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("button")
                .address(pins.button())
                .pull(PullResistance.PULL_UP)
                .debounce(DEBOUNCE_MICROS));
        button.addListener(e -> changed(e.state()));
        blinker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gpio-blink").daemon(true).factory());
        blinker.scheduleWithFixedDelay(this::blink, STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the pins from {@code contexts} ({@link #gpiod()} on the box); a chip that cannot be
     * opened, a pin that is busy or missing, is a {@link HalException} naming the pins.
     *
     * @param nanoTime the monotonic clock of blinks and button timestamps ({@code System::nanoTime})
     */
    public static Pi4jPanel open(Pins pins, Supplier<Context> contexts, LongSupplier nanoTime) {
        Context pi4j = null;
        try {
            pi4j = contexts.get();
            return new Pi4jPanel(pi4j, pins, nanoTime);
        } catch (RuntimeException | LinkageError e) {
            if (pi4j != null) {
                pi4j.shutdown();
            }
            throw new HalException(
                    "gpio",
                    "cannot open the front panel's GPIO pins " + pins.numbers() + " (" + e.getMessage()
                            + "); on a box without the front panel set gpio.enabled = false",
                    e);
        }
    }

    /** The box's GPIO chip through libgpiod (the first chip labelled pinctrl: Pi 4 and Pi 5). */
    public static Context gpiod() {
        return Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build();
    }

    @Override
    public void show(Led led, LedPattern pattern) {
        synchronized (showing) {
            if (showing.get(led).pattern() != pattern) {
                showing.put(led, new Showing(pattern, nanoTime.getAsLong()));
                refresh();
            }
        }
    }

    @Override
    public void onChange(ButtonListener listener) {
        listeners.add(listener);
    }

    /** Sets every LED as its pattern wants it now; the blink thread calls it every step. */
    void refresh() {
        synchronized (showing) {
            long now = nanoTime.getAsLong();
            showing.forEach((led, s) -> {
                boolean lit = s.pattern().lit((now - s.sinceNanos()) / 1_000_000);
                DigitalOutput output = leds.get(led);
                if (output.isHigh() != lit) {
                    output.state(lit ? DigitalState.HIGH : DigitalState.LOW);
                }
            });
        }
    }

    /** One blink step; never throws (that would end the blinking), says once when the pins fail. */
    private void blink() {
        try {
            refresh();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                Logger.warn("The front panel's LEDs cannot be set: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private void changed(DigitalState state) {
        long at = nanoTime.getAsLong();
        boolean pressed = state == DigitalState.LOW;
        listeners.forEach(listener -> listener.changed(pressed, at));
    }

    /** Stops blinking and releases the pins (the LEDs go dark). */
    @Override
    public void close() {
        blinker.shutdownNow();
        pi4j.shutdown();
    }
}
