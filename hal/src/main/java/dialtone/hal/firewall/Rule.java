package dialtone.hal.firewall;

import dialtone.hal.Uplink;
import java.util.Objects;

/**
 * One filter rule on one uplink: traffic in a direction, of a protocol, to or from an address set
 * ({@code null} = any) on a port range, gets a verdict and is counted under {@code counter}.
 */
public record Rule(
        String counter,
        Uplink uplink,
        Direction direction,
        Protocol protocol,
        String remoteSet,
        PortRange ports,
        Verdict verdict) {

    public enum Direction {
        OUTBOUND,
        INBOUND
    }

    public enum Protocol {
        ANY,
        UDP,
        TCP,
        ICMP
    }

    public enum Verdict {
        ACCEPT,
        DROP
    }

    /** An inclusive port range; {@link #ANY} matches every port. */
    public record PortRange(int from, int to) {
        public static final PortRange ANY = new PortRange(0, 65535);

        public PortRange {
            if (from < 0 || to > 65535 || from > to) {
                throw new IllegalArgumentException("invalid port range " + from + "-" + to);
            }
        }

        public static PortRange of(int port) {
            return new PortRange(port, port);
        }
    }

    public Rule {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(verdict, "verdict");
    }
}
