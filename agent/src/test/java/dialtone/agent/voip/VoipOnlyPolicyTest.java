package dialtone.agent.voip;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Rule;
import dialtone.hal.firewall.Rule.Direction;
import dialtone.hal.firewall.Rule.Protocol;
import dialtone.hal.firewall.Rule.Verdict;
import dialtone.hal.firewall.Ruleset;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy as a packet would meet it: the first rule that matches decides. A tiny evaluator over
 * the rendered rules answers "would this packet pass", so the tests say what users depend on.
 */
class VoipOnlyPolicyTest {
    static final AgentConfig.Voice VOICE = new AgentConfig.Voice(
            List.of(new AgentConfig.Transport("udp", 5060), new AgentConfig.Transport("tls", 5061)),
            List.of(),
            10000,
            20000,
            List.of(),
            List.of(),
            10,
            "",
            443);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final PolicyAddresses ADDRESSES = new PolicyAddresses(
            Set.of(ip("198.51.100.10"), ip("2001:db8::10")),
            Set.of(ip("198.51.100.20")),
            Set.of(5070),
            Set.of(ip("198.51.100.53")),
            Set.of(),
            Set.of(ip("198.51.100.30")),
            8883,
            Set.of(),
            Set.of(ip("198.51.100.25")),
            587);

    private final Ruleset ruleset = VoipOnlyPolicy.render(VOICE, ADDRESSES);

    /** The first matching rule's verdict and counter; empty when no rule matches (default: accept). */
    Optional<Rule> decide(Uplink uplink, Direction direction, Protocol protocol, String remote, int port) {
        InetAddress address = ip(remote);
        for (Rule rule : ruleset.rules()) {
            boolean protocolMatches = rule.protocol() == Protocol.ANY || rule.protocol() == protocol;
            boolean portMatches = rule.protocol() == Protocol.ANY
                    || rule.protocol() == Protocol.ICMP
                    || (port >= rule.ports().from() && port <= rule.ports().to());
            boolean addressMatches = rule.remoteSet() == null
                    || ruleset.addressSets().get(rule.remoteSet()).contains(address);
            if (rule.uplink() == uplink
                    && rule.direction() == direction
                    && protocolMatches
                    && portMatches
                    && addressMatches) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    boolean passes(Uplink uplink, Direction direction, Protocol protocol, String remote, int port) {
        return decide(uplink, direction, protocol, remote, port)
                .map(r -> r.verdict() == Verdict.ACCEPT)
                .orElse(true);
    }

    String counter(Uplink uplink, Direction direction, Protocol protocol, String remote, int port) {
        return decide(uplink, direction, protocol, remote, port)
                .map(Rule::counter)
                .orElse("none");
    }

    @Test
    void voiceToTheProviderPassesOnLte() {
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.10", 5060))
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "198.51.100.10", 5061))
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "2001:db8::10", 5060))
                .as("IPv6")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.10", 5070))
                .as("a port from the SRV records")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.20", 16000))
                .as("media")
                .isTrue();
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.20", 16000))
                .isEqualTo(VoipOnlyPolicy.MEDIA);
    }

    @Test
    void managementPassesOnLte() {
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.53", 53))
                .as("our DNS")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "192.0.2.123", 123))
                .as("NTP, any")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "198.51.100.30", 8883))
                .as("MQTT")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "198.51.100.25", 587))
                .as("the mail server, for notices")
                .isTrue();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "198.51.100.99", 587))
                .as("mail to anyone else")
                .isFalse();
        assertThat(passes(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "192.0.2.1", 67))
                .as("DHCP")
                .isTrue();
    }

    @Test
    void everythingElseOnLteIsDroppedAndCountedByCategory() {
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "203.0.113.80", 80))
                .isEqualTo(VoipOnlyPolicy.BLOCKED_WEB);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "203.0.113.80", 443))
                .isEqualTo(VoipOnlyPolicy.BLOCKED_WEB);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "203.0.113.53", 53))
                .isEqualTo(VoipOnlyPolicy.BLOCKED_DNS);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "203.0.113.22", 22))
                .isEqualTo(VoipOnlyPolicy.BLOCKED_TCP);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "203.0.113.7", 7777))
                .isEqualTo(VoipOnlyPolicy.BLOCKED_UDP);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.TCP, "198.51.100.30", 1883))
                .as("the broker, but not its port")
                .isEqualTo(VoipOnlyPolicy.BLOCKED_TCP);
        assertThat(counter(Uplink.LTE, Direction.OUTBOUND, Protocol.UDP, "198.51.100.20", 5000))
                .as("media address, port outside the RTP range")
                .isEqualTo(VoipOnlyPolicy.BLOCKED_UDP);
        assertThat(passes(Uplink.LTE, Direction.INBOUND, Protocol.TCP, "203.0.113.9", 22))
                .isFalse();
    }

    @Test
    void sipFromAnyoneButTheProviderIsDroppedOnEveryUplink() {
        for (Uplink uplink : Uplink.values()) {
            assertThat(counter(uplink, Direction.INBOUND, Protocol.UDP, "203.0.113.66", 5060))
                    .isEqualTo(VoipOnlyPolicy.sipScanCounter(uplink));
            assertThat(passes(uplink, Direction.INBOUND, Protocol.UDP, "198.51.100.10", 5060))
                    .isTrue();
        }
    }

    @Test
    void thePrimaryCarriesTheLansNormalTraffic() {
        assertThat(passes(Uplink.PRIMARY, Direction.OUTBOUND, Protocol.TCP, "203.0.113.80", 443))
                .isTrue();
        assertThat(passes(Uplink.PRIMARY, Direction.OUTBOUND, Protocol.UDP, "203.0.113.7", 7777))
                .isTrue();
    }

    @Test
    void noDropComesBeforeVoiceToTheProvider() {
        int firstDrop = -1;
        int lastVoice = -1;
        List<Rule> rules = ruleset.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            boolean lteOut = r.uplink() == Uplink.LTE && r.direction() == Direction.OUTBOUND;
            if (lteOut && r.verdict() == Verdict.DROP && firstDrop < 0) {
                firstDrop = i;
            }
            if (lteOut && (r.counter().equals(VoipOnlyPolicy.SIP) || r.counter().equals(VoipOnlyPolicy.MEDIA))) {
                lastVoice = i;
            }
        }
        assertThat(lastVoice).isLessThan(firstDrop);
    }

    @Test
    void withoutMediaAddressesMediaMayGoToTheSbcs() {
        PolicyAddresses noMedia = sbcsOnly(Set.of(ip("198.51.100.10")));

        Ruleset rendered = VoipOnlyPolicy.render(VOICE, noMedia);

        assertThat(rendered.addressSets().get("media")).containsExactly(ip("198.51.100.10"));
        assertThat(rendered.addressSets()).doesNotContainKey("mqtt");
    }

    @Test
    void sbcsNeverResolvedLeaveVoiceOpenRatherThanShut() {
        PolicyAddresses unknown = sbcsOnly(Set.of());
        Ruleset open = VoipOnlyPolicy.render(VOICE, unknown);

        assertThat(open.rules())
                .filteredOn(r ->
                        r.counter().equals(VoipOnlyPolicy.SIP) || r.counter().equals(VoipOnlyPolicy.MEDIA))
                .allMatch(r -> r.remoteSet() == null && r.verdict() == Verdict.ACCEPT);
        assertThat(open.rules()).anyMatch(r -> r.counter().equals(VoipOnlyPolicy.BLOCKED_WEB));
    }

    /** The SBCs and a resolver, nothing else: no media servers, no management, no mail. */
    private static PolicyAddresses sbcsOnly(Set<InetAddress> sbcs) {
        return new PolicyAddresses(
                sbcs,
                Set.of(),
                Set.of(),
                Set.of(ip("198.51.100.53")),
                Set.of(),
                Set.of(),
                8883,
                Set.of(),
                Set.of(),
                587);
    }
}
