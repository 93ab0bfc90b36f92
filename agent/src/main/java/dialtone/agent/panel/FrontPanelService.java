package dialtone.agent.panel;

import dialtone.agent.events.EventLog;
import dialtone.agent.panel.ButtonGesture.Display;
import dialtone.agent.panel.ButtonGesture.Outcome;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.gpio.Buttons;
import dialtone.hal.gpio.Indicators;
import dialtone.hal.gpio.Indicators.Led;
import dialtone.hal.gpio.Indicators.LedPattern;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The front panel at work: four times a second it shows the status (or the button's lamp test and
 * countdown) on the LEDs, and it acts on the button's gestures: an event for a short press; for a
 * 10 s hold the reset to provisioning defaults, then a restart.
 */
public final class FrontPanelService implements Service {
    static final Duration REFRESH = Duration.ofMillis(250);

    /**
     * @param nanoTime the monotonic clock the button's timestamps are on ({@code System::nanoTime})
     * @param restart ends the agent so that it starts again (with what the reset left)
     */
    public record Ports(Indicators indicators, Buttons buttons, LongSupplier nanoTime, Runnable restart) {}

    private final Ports ports;
    private final Supplier<PanelState> state;
    private final FactoryReset reset;
    private final EventLog events;
    private final ButtonGesture gesture = new ButtonGesture();
    private final Periodic refreshes;

    public FrontPanelService(Ports ports, Supplier<PanelState> state, FactoryReset reset, EventLog events) {
        this.ports = ports;
        this.state = state;
        this.reset = reset;
        this.events = events;
        this.refreshes = new Periodic("front-panel", Duration.ZERO, REFRESH, Duration.ofSeconds(2), this::refresh);
        ports.buttons().onChange(this::changed);
    }

    @Override
    public String name() {
        return "front panel";
    }

    @Override
    public void start() {
        refreshes.start();
    }

    /** Stops refreshing and turns the LEDs off: a dark panel is an agent that does not run. */
    @Override
    public void stop() {
        if (refreshes.stop()) {
            for (Led led : Led.values()) {
                ports.indicators().show(led, LedPattern.OFF);
            }
        }
    }

    /** One refresh; never throws (an exception escaping a periodic task would end them all). */
    void refresh() {
        try {
            Display display;
            synchronized (gesture) {
                long now = ports.nanoTime().getAsLong();
                gesture.tick(now).ifPresent(this::act);
                display = gesture.display(now);
            }
            FrontPanel.show(state.get(), display).forEach(ports.indicators()::show);
        } catch (RuntimeException e) {
            Logger.error(e, "Bug in the front panel; it goes on at the next refresh");
        }
    }

    /** The button, on the hal's thread: the gesture first, then the LEDs at once (no waiting for a refresh). */
    void changed(boolean pressed, long nanos) {
        synchronized (gesture) {
            gesture.changed(pressed, nanos).ifPresent(this::act);
        }
        refresh();
    }

    private void act(Outcome outcome) {
        switch (outcome) {
            case SHOW_STATUS ->
                events.append(
                        "panel-status-shown",
                        "info",
                        "Front panel button pressed: lamp test, then the status",
                        Map.of());
            case CANCELLED ->
                events.append(
                        "device-reset-cancelled",
                        "info",
                        "Front panel button released after " + gesture.lastHeldNanos() / 1_000_000 / 1000.0
                                + " s, before the " + ButtonGesture.RESET_SECONDS + " s of a reset: nothing changed",
                        Map.of("heldMs", gesture.lastHeldNanos() / 1_000_000));
            case RESET -> resetAndRestart();
        }
    }

    private void resetAndRestart() {
        try {
            reset.perform("button");
        } catch (RuntimeException e) {
            Logger.error("The reset to provisioning defaults failed, nothing was changed: {}", e.getMessage());
            return;
        }
        Logger.info("Restarting with the provisioning defaults");
        ports.restart().run();
    }
}
