package dialtone.hal.net;

import java.time.Duration;
import java.util.Objects;

/** The outcome of one probe: answered with a round-trip time, or lost with a reason. */
public record ProbeResult(boolean answered, Duration rtt, String detail) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        if (answered) {
            Objects.requireNonNull(rtt, "rtt");
        }
    }

    public static ProbeResult answered(Duration rtt) {
        return new ProbeResult(true, rtt, "");
    }

    public static ProbeResult lost(String detail) {
        return new ProbeResult(false, null, detail);
    }
}
