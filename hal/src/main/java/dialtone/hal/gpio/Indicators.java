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

    enum LedPattern {
        OFF,
        ON,
        BLINK_SLOW,
        BLINK_FAST
    }
}
