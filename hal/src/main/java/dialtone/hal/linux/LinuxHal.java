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
     * @param panel the front panel's GPIO pins, or null on a box without one
     */
    public record Settings(
            String modemKind, String modemPort, String lldpSocket, Path savedFirewall, Pi4jPanel.Pins panel) {}

    /**
     * Opens the front panel's pins first: a box that cannot is refused before its firewall is touched.
     *
     * @param runner runs ip, nft, conntrack, mmcli, lldpcli
     */
    public static Hal create(LinuxNet net, Settings settings, ProcessRunner runner) {
        Pi4jPanel panel =
                settings.panel() == null ? null : Pi4jPanel.open(settings.panel(), Pi4jPanel::gpiod, System::nanoTime);
        Commands commands = new Commands(runner);
        IpLinks links = new IpLinks(commands);
        NftFirewall firewall = new NftFirewall(net, commands, settings.savedFirewall());
        try {
            firewall.install();
        } catch (RuntimeException e) {
            if (panel != null) {
                panel.close();
            }
            throw e;
        }
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
                panel == null ? Indicators.NONE : panel,
                panel == null ? Buttons.NONE : panel);
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
