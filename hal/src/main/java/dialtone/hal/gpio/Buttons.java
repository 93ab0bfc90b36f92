package dialtone.hal.gpio;

/** The push button. Listeners get every press and release with a monotonic timestamp. */
public interface Buttons {
    /** A box without a button. */
    Buttons NONE = listener -> {};

    void onChange(ButtonListener listener);

    @FunctionalInterface
    interface ButtonListener {
        /**
         * @param pressed true on press, false on release
         * @param monotonicNanos when it happened, on the {@code System.nanoTime} scale
         */
        void changed(boolean pressed, long monotonicNanos);
    }
}
