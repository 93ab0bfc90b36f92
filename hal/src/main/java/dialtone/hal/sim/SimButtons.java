package dialtone.hal.sim;

import dialtone.hal.gpio.Buttons;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simulated push button: the demo or a test presses and releases it. */
public final class SimButtons implements Buttons {
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void onChange(ButtonListener listener) {
        listeners.add(listener);
    }

    public void change(boolean pressed, long monotonicNanos) {
        listeners.forEach(listener -> listener.changed(pressed, monotonicNanos));
    }
}
