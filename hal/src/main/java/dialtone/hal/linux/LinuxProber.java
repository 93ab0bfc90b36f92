package dialtone.hal.linux;

import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeResult;
import dialtone.hal.net.ProbeTarget;
import dialtone.hal.net.Prober;
import dialtone.hal.sys.ProcessResult;
import dialtone.hal.sys.ProcessRunner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probes through one uplink by binding to its source address (research/linux-mechanics.md §1.2):
 * ICMP with {@code ping -I <address>}, DNS, TCP and SIP OPTIONS from Java sockets. Names are
 * resolved once and kept for {@value #NAME_TTL_MINUTES} minutes, so a dead line does not also cost a
 * lookup per probe.
 */
public final class LinuxProber implements Prober {
    static final int NAME_TTL_MINUTES = 5;
    private static final Pattern RTT = Pattern.compile("rtt min/avg/max/mdev = ([0-9.]+)/");

    private record Resolved(InetAddress address, long atNanos) {}

    private final LinuxNet net;
    private final IpLinks links;
    private final ProcessRunner runner;
    private final Map<String, Resolved> names = new ConcurrentHashMap<>();

    LinuxProber(LinuxNet net, IpLinks links, ProcessRunner runner) {
        this.net = net;
        this.links = links;
        this.runner = runner;
    }

    @Override
    public ProbeResult probe(Uplink via, ProbeTarget target, Duration timeout) {
        try {
            Optional<InetAddress> source = links.address(net.interfaceOf(via), "inet");
            if (source.isEmpty()) {
                return ProbeResult.lost(net.interfaceOf(via) + " has no address");
            }
            InetAddress host = resolve(target.host());
            InetSocketAddress to = new InetSocketAddress(host, target.port());
            return switch (target.method()) {
                case ICMP -> ping(source.get(), host, timeout);
                case DNS -> SocketProbes.dns(source.get(), to, timeout);
                case TCP -> SocketProbes.tcp(source.get(), to, timeout);
                case SIP -> SocketProbes.sipOptions(source.get(), to, timeout);
            };
        } catch (UnknownHostException e) {
            return ProbeResult.lost("cannot resolve " + target.host());
        } catch (RuntimeException e) {
            return ProbeResult.lost(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private ProbeResult ping(InetAddress source, InetAddress host, Duration timeout) {
        String seconds = String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0);
        ProcessResult result = runner.run(
                List.of(
                        "ping",
                        "-n",
                        "-q",
                        "-c",
                        "1",
                        "-W",
                        seconds,
                        "-I",
                        source.getHostAddress(),
                        host.getHostAddress()),
                null,
                timeout.plusSeconds(2));
        Matcher rtt = RTT.matcher(result.stdout());
        if (result.ok() && rtt.find()) {
            return ProbeResult.answered(Duration.ofNanos((long) (Double.parseDouble(rtt.group(1)) * 1_000_000)));
        }
        return ProbeResult.lost(result.exitCode() == 1 ? "no reply" : "ping failed: " + result.stderrTail());
    }

    private InetAddress resolve(String host) throws UnknownHostException {
        Resolved known = names.get(host);
        if (known != null
                && System.nanoTime() - known.atNanos()
                        < Duration.ofMinutes(NAME_TTL_MINUTES).toNanos()) {
            return known.address();
        }
        InetAddress address = InetAddress.getByName(host);
        names.put(host, new Resolved(address, System.nanoTime()));
        return address;
    }
}
