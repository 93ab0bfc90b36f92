package dialtone.agent.usage;

/**
 * LTE bytes in each direction, and how many of them flowed while the primary was healthy (which
 * the plan does not mean LTE for).
 */
public record Bytes(long rx, long tx, long whileHealthy) {
    public static final Bytes ZERO = new Bytes(0, 0, 0);

    public Bytes {
        if (rx < 0 || tx < 0 || whileHealthy < 0) {
            throw new IllegalArgumentException("bytes cannot be negative");
        }
    }

    public long total() {
        return rx + tx;
    }

    public boolean isZero() {
        return rx == 0 && tx == 0;
    }

    public Bytes plus(Bytes other) {
        return new Bytes(rx + other.rx, tx + other.tx, whileHealthy + other.whileHealthy);
    }
}
