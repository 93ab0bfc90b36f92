package dialtone.hal.firewall;

/** A named firewall counter's value: IP-level bytes (no link headers), as carriers bill. */
public record Counter(long packets, long bytes) {
    public static final Counter ZERO = new Counter(0, 0);

    public Counter {
        if (packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("counter cannot be negative");
        }
    }

    public Counter plus(Counter other) {
        return new Counter(packets + other.packets, bytes + other.bytes);
    }
}
