package dialtone.hal.net;

import java.util.Objects;

/** Where and how to probe: {@code sip:sbc.example.net:5060}, {@code icmp:192.0.2.1}. */
public record ProbeTarget(ProbeMethod method, String host, int port) {
    public ProbeTarget {
        Objects.requireNonNull(method, "method");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("probe host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("probe port out of range: " + port);
        }
    }

    public static ProbeTarget of(ProbeMethod method, String host) {
        return new ProbeTarget(method, host, method.defaultPort());
    }

    @Override
    public String toString() {
        String name = method.name().toLowerCase(java.util.Locale.ROOT) + ":" + host;
        return method == ProbeMethod.ICMP ? name : name + ":" + port;
    }
}
