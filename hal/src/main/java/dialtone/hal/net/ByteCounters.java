package dialtone.hal.net;

/** Monotonic byte and packet totals in each direction, as a counter source reports them. */
public record ByteCounters(long rxBytes, long txBytes, long rxPackets, long txPackets) {
    public static final ByteCounters ZERO = new ByteCounters(0, 0, 0, 0);

    public ByteCounters {
        if (rxBytes < 0 || txBytes < 0 || rxPackets < 0 || txPackets < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    public ByteCounters plus(ByteCounters other) {
        return new ByteCounters(
                rxBytes + other.rxBytes,
                txBytes + other.txBytes,
                rxPackets + other.rxPackets,
                txPackets + other.txPackets);
    }

    public long totalBytes() {
        return rxBytes + txBytes;
    }
}
