package dialtone.agent.panel;

import java.util.Optional;

/**
 * What a person means with the push button, from its presses and releases and the passing time:
 * a short press asks for the status (a lamp test first), a hold of {@value #RESET_SECONDS} s resets
 * the box, with a countdown on the LEDs from {@value #HOLD_SECONDS} s; releasing before the end
 * cancels. Pure: fed monotonic nanoseconds, never reads a clock.
 */
public final class ButtonGesture {
    static final int HOLD_SECONDS = 2;
    static final int RESET_SECONDS = 10;
    /** Shorter presses are contact bounce or a glitch, not a person. */
    static final long MIN_PRESS = 50_000_000L;

    static final long HOLD = HOLD_SECONDS * 1_000_000_000L;
    static final long RESET = RESET_SECONDS * 1_000_000_000L;
    /** The countdown lights one LED more every 2.5 s: the fourth at the reset. */
    static final long STEP = RESET / 4;

    static final long LAMP_TEST = 2_000_000_000L;

    /** What the person asked for. */
    public enum Outcome {
        /** A short press: the lamp test, then the status. */
        SHOW_STATUS,
        /** Held to the end of the countdown: reset now (even while still held). */
        RESET,
        /** Released during the countdown: nothing happens. */
        CANCELLED
    }

    /** What the LEDs should show for the button: the status, the lamp test, or the countdown. */
    public record Display(Mode mode, int lit) {
        public static final Display STATUS = new Display(Mode.STATUS, 0);

        public enum Mode {
            STATUS,
            LAMP_TEST,
            /** {@code lit} LEDs on (in the order of the port's enum), the others blinking fast. */
            COUNTDOWN
        }
    }

    private boolean pressed;
    private long pressedAt;
    private boolean resetGiven;
    private boolean lampTest;
    private long lampTestEnds;
    private long lastHeld;

    /** A press or release at {@code nanos}; releases decide short press and cancellation. */
    public Optional<Outcome> changed(boolean down, long nanos) {
        if (down) {
            if (!pressed) {
                pressed = true;
                pressedAt = nanos;
                resetGiven = false;
            }
            return Optional.empty();
        }
        if (!pressed) {
            return Optional.empty();
        }
        Optional<Outcome> outcome = tick(nanos);
        pressed = false;
        long held = nanos - pressedAt;
        lastHeld = held;
        if (outcome.isPresent() || resetGiven || held < MIN_PRESS) {
            return outcome;
        }
        if (held < HOLD) {
            lampTest = true;
            lampTestEnds = nanos + LAMP_TEST;
            return Optional.of(Outcome.SHOW_STATUS);
        }
        return Optional.of(Outcome.CANCELLED);
    }

    /** Time passing: the reset comes at the end of the countdown, whether released or not. */
    public Optional<Outcome> tick(long nanos) {
        if (pressed && !resetGiven && nanos - pressedAt >= RESET) {
            resetGiven = true;
            return Optional.of(Outcome.RESET);
        }
        return Optional.empty();
    }

    public Display display(long nanos) {
        if (pressed && nanos - pressedAt >= HOLD) {
            return new Display(Display.Mode.COUNTDOWN, (int) Math.min(4, (nanos - pressedAt) / STEP));
        }
        if (lampTest && nanos - lampTestEnds < 0) {
            return new Display(Display.Mode.LAMP_TEST, 0);
        }
        return Display.STATUS;
    }

    /** How long the last press lasted (up to its release), for the record. */
    public long lastHeldNanos() {
        return lastHeld;
    }
}
