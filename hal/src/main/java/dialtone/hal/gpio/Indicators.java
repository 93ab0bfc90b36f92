package dialtone.hal.gpio;

/** The status LEDs on the box's front. No GPIO library type leaks through this port. */
public interface Indicators {
    /** A box without LEDs (or before the GPIO adapter is configured). */
    Indicators NONE = (led, pattern) -> {};

    void show(Led led, LedPattern pattern);

    enum Led {
        /** Agent alive and healthy. */
        HEALTH,
        /** Which uplink carries traffic. */
        UPLINK,
        /** LTE signal strength. */
        SIGNAL,
        /** 911 location registered or not. */
        E911
    }

    /** How an LED shows its state; the blink timing is the same on every adapter. */
    enum LedPattern {
        OFF(0),
        ON(0),
        /** 1 Hz: half a second lit, half a second dark. */
        BLINK_SLOW(500),
        /** 4 Hz: an eighth of a second lit, an eighth dark. */
        BLINK_FAST(125);

        private final long halfPeriodMillis;

        LedPattern(long halfPeriodMillis) {
            this.halfPeriodMillis = halfPeriodMillis;
        }

        /** Whether the LED is lit {@code elapsedMillis} after it started showing this pattern (lit first). */
        public boolean lit(long elapsedMillis) {
            return switch (this) {
                case OFF -> false;
                case ON -> true;
                default -> Math.floorDiv(elapsedMillis, halfPeriodMillis) % 2 == 0;
            };
        }
    }
}
