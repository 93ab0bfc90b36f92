package dialtone.agent.config;

import dialtone.hal.net.ProbeMethod;
import dialtone.hal.net.ProbeTarget;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Syntax of the network values in the configuration. Pure: nothing here resolves a name. */
final class NetSyntax {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+)(?::(\\d{1,5}))?");
    private static final Pattern MQTT_URL = Pattern.compile("(tcp|ssl)://(\\[[^\\]]+\\]|[^:/\\[\\]]+)(?::(\\d{1,5}))?");

    private NetSyntax() {}

    /** An IPv4 or IPv6 address literal; never a name lookup. */
    static Optional<InetAddress> ipLiteral(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.contains(":") && IPV6_CHARS.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A DNS name per RFC 1123 (not an all-numeric last label, which would be a broken address). */
    static boolean isHostname(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = (text.endsWith(".") ? text.substring(0, text.length() - 1) : text).split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    static boolean isHost(String text) {
        return isHostname(text) || ipLiteral(text).isPresent();
    }

    static boolean isInterfaceName(String text) {
        return INTERFACE.matcher(text).matches() && !text.equals(".") && !text.equals("..");
    }

    static boolean isEmail(String text) {
        int at = text.lastIndexOf('@');
        if (at < 1 || text.length() > 254) {
            return false;
        }
        String domain = text.substring(at + 1);
        return EMAIL_LOCAL.matcher(text.substring(0, at)).matches() && domain.contains(".") && isHostname(domain);
    }

    /**
     * A probe target: {@code [method:]host[:port]} with method icmp (the default), dns, tcp or sip;
     * IPv6 hosts in brackets when a port follows. TCP needs a port; ICMP takes none.
     */
    static Optional<ProbeTarget> probeTarget(String text) {
        ProbeMethod method = ProbeMethod.ICMP;
        String rest = text;
        int colon = text.indexOf(':');
        if (colon > 0) {
            Optional<ProbeMethod> named = method(text.substring(0, colon));
            if (named.isPresent()) {
                method = named.get();
                rest = text.substring(colon + 1);
            }
        }
        if (ipLiteral(rest).isPresent()) {
            return method == ProbeMethod.TCP ? Optional.empty() : Optional.of(ProbeTarget.of(method, rest));
        }
        Matcher m = HOST_PORT.matcher(rest);
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = unbracket(m.group(1));
        boolean hasPort = m.group(2) != null;
        if (!validHost(m.group(1))
                || (method == ProbeMethod.ICMP && hasPort)
                || (method == ProbeMethod.TCP && !hasPort)) {
            return Optional.empty();
        }
        int port = hasPort ? Integer.parseInt(m.group(2)) : method.defaultPort();
        return port >= 1 && port <= 65535 || method == ProbeMethod.ICMP
                ? Optional.of(new ProbeTarget(method, host, port))
                : Optional.empty();
    }

    /** {@code tcp://host[:port]} or {@code ssl://host[:port]}; the default port follows the scheme. */
    static Optional<String> mqttUrl(String text) {
        Matcher m = MQTT_URL.matcher(text);
        if (!m.matches() || !validHost(m.group(2))) {
            return Optional.empty();
        }
        int port = m.group(3) == null
                ? (m.group(1).equals("ssl") ? Defaults.MQTT_TLS_PORT : Defaults.MQTT_TCP_PORT)
                : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "://" + m.group(2) + ":" + port);
    }

    /** {@code udp:5060}, {@code tcp:5060} or {@code tls:5061}. */
    static Optional<AgentConfig.Transport> transport(String text) {
        Matcher m = Pattern.compile("(udp|tcp|tls):(\\d{1,5})").matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(2));
        return port >= 1 && port <= 65535 ? Optional.of(new AgentConfig.Transport(m.group(1), port)) : Optional.empty();
    }

    /** The host and port of an {@code https://host[:port][/path]} URL: {host, port}. */
    static Optional<String[]> httpsHost(String url) {
        Matcher m = Pattern.compile("https://(\\[[^\\]]+\\]|[^:/\\[\\]]+)(?::(\\d{1,5}))?(/\\S*)?")
                .matcher(url);
        if (!m.matches() || !validHost(m.group(1))) {
            return Optional.empty();
        }
        int port = m.group(2) == null ? 443 : Integer.parseInt(m.group(2));
        return port >= 1 && port <= 65535
                ? Optional.of(new String[] {unbracket(m.group(1)), String.valueOf(port)})
                : Optional.empty();
    }

    private static Optional<ProbeMethod> method(String name) {
        for (ProbeMethod method : ProbeMethod.values()) {
            if (method.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** A host as written before a port: a name, an IPv4 literal, or an IPv6 literal in brackets. */
    private static boolean validHost(String written) {
        return written.startsWith("[")
                ? ipLiteral(unbracket(written))
                        .filter(a -> a instanceof Inet6Address)
                        .isPresent()
                : isHost(written);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
