package dialtone.hal.net;

/** How a probe asks "are you there": each tests a different layer of the path. */
public enum ProbeMethod {
    /** ICMP echo. */
    ICMP(0),
    /** A DNS query over UDP; any answer counts. */
    DNS(53),
    /** A TCP connect; a refusal still proves the path works. */
    TCP(443),
    /** SIP OPTIONS to the provider's SBC over UDP; any SIP response counts. */
    SIP(5060);

    private final int defaultPort;

    ProbeMethod(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
