package dialtone.hal.linux;

import dialtone.hal.Hal;
import dialtone.hal.HalException;
import dialtone.hal.gpio.Buttons;
import dialtone.hal.gpio.Indicators;
import dialtone.hal.modem.LteModem;
import dialtone.hal.sys.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real box: iproute2, nftables and conntrack through one process runner. Creating it installs
 * the agent's nftables table (afresh: a failover test's cut never survives a restart).
 */
public final class LinuxHal {
    /** systemd-timesyncd creates it after the first synchronisation (research/linux-mechanics.md §7). */
    static final Path TIME_SYNCHRONIZED = Path.of("/run/systemd/timesync/synchronized");

    private LinuxHal() {}

    /**
     * @param modemKind {@code modemmanager}, {@code at} or {@code ethernet}
     * @param modemPort the AT port, with {@code at}
     * @param lldpSocket lldpd's control socket, or null for its default
     * @param savedFirewall where the firewall table is kept for the boot-time unit
     */
    public record Settings(String modemKind, String modemPort, String lldpSocket, Path savedFirewall) {}

    /**
     * @param runner runs ip, nft, conntrack, mmcli, lldpcli
     */
    public static Hal create(LinuxNet net, Settings settings, ProcessRunner runner) {
        Commands commands = new Commands(runner);
        IpLinks links = new IpLinks(commands);
        NftFirewall firewall = new NftFirewall(net, commands, settings.savedFirewall());
        firewall.install();
        return new Hal(
                false,
                Clock.systemDefaultZone(),
                () -> Files.exists(TIME_SYNCHRONIZED),
                links,
                new LinuxProber(net, links, runner),
                UdpResolver.fromResolvConf(java.nio.file.Path.of("/etc/resolv.conf")),
                new IpRoutes(net, commands, links),
                firewall,
                new ConntrackFlows(net, commands),
                modem(net, settings.modemKind(), settings.modemPort(), links, commands),
                new LldpdLldp(net.lan(), net.primary(), settings.lldpSocket(), commands),
                Indicators.NONE,
                Buttons.NONE);
    }

    private static LteModem modem(LinuxNet net, String kind, String port, IpLinks links, Commands commands) {
        return switch (kind) {
            case "ethernet" -> new EthernetModem(net.lte(), links, commands);
            case "modemmanager" -> new MmcliModem("mmcli", commands);
            case "at" -> new AtModem(new AtPort(Path.of(port), commands));
            default -> throw new HalException("lte.modem", "unknown kind '" + kind + "'");
        };
    }
}
