package dialtone.agent.voip;

import dialtone.agent.config.AgentConfig;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Rule;
import dialtone.hal.firewall.Rule.Direction;
import dialtone.hal.firewall.Rule.PortRange;
import dialtone.hal.firewall.Rule.Protocol;
import dialtone.hal.firewall.Rule.Verdict;
import dialtone.hal.firewall.Ruleset;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The voice-only policy, pure: configuration and resolved addresses in, a {@link Ruleset} out.
 * First, on every uplink, inbound SIP from anyone but the provider's SBCs is dropped (scanners
 * looking for phones to hijack). Then, on LTE, only voice and the box's management pass: SIP to the
 * SBCs, media to their media addresses, DNS to the allowed resolvers, NTP, the MQTT broker, the
 * provisioning server, DHCP and ICMP for the link itself. Everything else leaving through LTE is
 * dropped and counted by category, and nothing new comes in. The primary is left alone. Nothing
 * here can drop SIP or media to the provider: their rules come before every drop, and while the
 * SBCs' addresses are unknown (never resolved) SIP and media may go to any address.
 */
public final class VoipOnlyPolicy {
    /** Counter names: what the status page and MQTT report. */
    public static final String SIP = "lte-sip";

    public static final String MEDIA = "lte-media";
    public static final String BLOCKED_WEB = "lte-blocked-web";
    public static final String BLOCKED_DNS = "lte-blocked-dns";
    public static final String BLOCKED_TCP = "lte-blocked-tcp";
    public static final String BLOCKED_UDP = "lte-blocked-udp";
    public static final String BLOCKED_OTHER = "lte-blocked-other";
    public static final String BLOCKED_INBOUND = "lte-blocked-inbound";

    private VoipOnlyPolicy() {}

    public static String sipScanCounter(Uplink uplink) {
        return "sip-scan-" + uplink.id();
    }

    public static Ruleset render(AgentConfig.Voice voice, PolicyAddresses addresses) {
        Map<String, Set<InetAddress>> sets = new LinkedHashMap<>();
        sets.put("sbc", addresses.sbcs());
        sets.put("media", addresses.media().isEmpty() ? addresses.sbcs() : addresses.media());
        sets.put("dns", addresses.dns());
        if (!addresses.ntp().isEmpty()) {
            sets.put("ntp", addresses.ntp());
        }
        if (!addresses.smtp().isEmpty()) {
            sets.put("smtp", addresses.smtp());
        }
        if (!addresses.mqtt().isEmpty()) {
            sets.put("mqtt", addresses.mqtt());
        }
        if (!addresses.provisioning().isEmpty()) {
            sets.put("provisioning", addresses.provisioning());
        }
        List<Rule> rules = new ArrayList<>();
        Set<Integer> sipPorts = sipPorts(voice, addresses);
        for (Uplink uplink : Uplink.values()) {
            sipProtection(rules, uplink, sipPorts);
        }
        lteAllowed(rules, voice, addresses, sets, sipPorts);
        lteBlocked(rules);
        return new Ruleset(sets, rules);
    }

    private static Set<Integer> sipPorts(AgentConfig.Voice voice, PolicyAddresses addresses) {
        Set<Integer> ports = new TreeSet<>(addresses.sipPorts());
        voice.transports().forEach(t -> ports.add(t.port()));
        return ports;
    }

    private static void sipProtection(List<Rule> rules, Uplink uplink, Set<Integer> sipPorts) {
        for (int port : sipPorts) {
            for (Protocol protocol : List.of(Protocol.UDP, Protocol.TCP)) {
                rules.add(new Rule(
                        "sip-from-sbc",
                        uplink,
                        Direction.INBOUND,
                        protocol,
                        "sbc",
                        PortRange.of(port),
                        Verdict.ACCEPT));
                rules.add(new Rule(
                        sipScanCounter(uplink),
                        uplink,
                        Direction.INBOUND,
                        protocol,
                        null,
                        PortRange.of(port),
                        Verdict.DROP));
            }
        }
    }

    private static void lteAllowed(
            List<Rule> rules,
            AgentConfig.Voice voice,
            PolicyAddresses addresses,
            Map<String, Set<InetAddress>> sets,
            Set<Integer> sipPorts) {
        // the SBCs not known (never resolved): voice may go anywhere rather than nowhere
        String sbc = addresses.sbcs().isEmpty() ? null : "sbc";
        String media = sets.get("media").isEmpty() ? null : "media";
        for (int port : sipPorts) {
            rules.add(out(SIP, Protocol.UDP, sbc, PortRange.of(port), Verdict.ACCEPT));
            rules.add(out(SIP, Protocol.TCP, sbc, PortRange.of(port), Verdict.ACCEPT));
        }
        PortRange rtp = new PortRange(voice.mediaFromPort(), voice.mediaToPort());
        rules.add(out(MEDIA, Protocol.UDP, media, rtp, Verdict.ACCEPT));
        rules.add(out("lte-dns", Protocol.UDP, "dns", PortRange.of(53), Verdict.ACCEPT));
        rules.add(out("lte-dns", Protocol.TCP, "dns", PortRange.of(53), Verdict.ACCEPT));
        rules.add(out(
                "lte-ntp", Protocol.UDP, sets.containsKey("ntp") ? "ntp" : null, PortRange.of(123), Verdict.ACCEPT));
        if (sets.containsKey("mqtt")) {
            rules.add(out("lte-mqtt", Protocol.TCP, "mqtt", PortRange.of(addresses.mqttPort()), Verdict.ACCEPT));
        }
        if (sets.containsKey("smtp")) {
            rules.add(out("lte-smtp", Protocol.TCP, "smtp", PortRange.of(addresses.smtpPort()), Verdict.ACCEPT));
        }
        if (sets.containsKey("provisioning")) {
            rules.add(out(
                    "lte-provisioning",
                    Protocol.TCP,
                    "provisioning",
                    PortRange.of(voice.provisioningPort()),
                    Verdict.ACCEPT));
        }
        rules.add(out("lte-link", Protocol.UDP, null, new PortRange(67, 68), Verdict.ACCEPT)); // DHCPv4
        rules.add(out("lte-link", Protocol.UDP, null, new PortRange(546, 547), Verdict.ACCEPT)); // DHCPv6
        rules.add(out("lte-link", Protocol.ICMP, null, PortRange.ANY, Verdict.ACCEPT)); // ND, path MTU
    }

    private static void lteBlocked(List<Rule> rules) {
        for (int port : List.of(80, 443, 8080)) {
            rules.add(out(BLOCKED_WEB, Protocol.TCP, null, PortRange.of(port), Verdict.DROP));
        }
        rules.add(out(BLOCKED_DNS, Protocol.UDP, null, PortRange.of(53), Verdict.DROP));
        rules.add(out(BLOCKED_DNS, Protocol.TCP, null, PortRange.of(53), Verdict.DROP));
        rules.add(out(BLOCKED_TCP, Protocol.TCP, null, PortRange.ANY, Verdict.DROP));
        rules.add(out(BLOCKED_UDP, Protocol.UDP, null, PortRange.ANY, Verdict.DROP));
        rules.add(out(BLOCKED_OTHER, Protocol.ANY, null, PortRange.ANY, Verdict.DROP));
        rules.add(new Rule(
                "lte-link",
                Uplink.LTE,
                Direction.INBOUND,
                Protocol.ICMP,
                null,
                PortRange.ANY,
                Verdict.ACCEPT)); // neighbour discovery, path MTU
        rules.add(new Rule(
                BLOCKED_INBOUND, Uplink.LTE, Direction.INBOUND, Protocol.ANY, null, PortRange.ANY, Verdict.DROP));
    }

    private static Rule out(String counter, Protocol protocol, String set, PortRange ports, Verdict verdict) {
        return new Rule(counter, Uplink.LTE, Direction.OUTBOUND, protocol, set, ports, verdict);
    }
}
