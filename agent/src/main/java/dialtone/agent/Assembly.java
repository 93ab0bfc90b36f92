package dialtone.agent;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.e911.LocationAdvertiser;
import dialtone.agent.e911.LocationService;
import dialtone.agent.e911.MoveWatch;
import dialtone.agent.e911.PowerWatch;
import dialtone.agent.events.EventLog;
import dialtone.agent.failover.FailoverController;
import dialtone.agent.failover.FailoverEvent.LteReadiness;
import dialtone.agent.failover.FailoverEvent.PrimaryHealth;
import dialtone.agent.failover.FailoverPolicy;
import dialtone.agent.failover.FailoverState.Phase;
import dialtone.agent.failover.FailoverTest;
import dialtone.agent.failover.FailoverTestStore;
import dialtone.agent.failover.LteCheck;
import dialtone.agent.failover.SbcProbe;
import dialtone.agent.failover.UplinkHealth;
import dialtone.agent.failover.UplinkMonitor;
import dialtone.agent.modem.AntennaMode;
import dialtone.agent.modem.LteSettings;
import dialtone.agent.modem.ModemRecovery;
import dialtone.agent.modem.ModemWatch;
import dialtone.agent.modem.PinGate;
import dialtone.agent.modem.RecoveryLadder;
import dialtone.agent.notify.NoticeWriter;
import dialtone.agent.notify.Notifier;
import dialtone.agent.notify.SmtpTransport;
import dialtone.agent.panel.FactoryReset;
import dialtone.agent.panel.FrontPanelService;
import dialtone.agent.panel.LiveState;
import dialtone.agent.report.Configurator;
import dialtone.agent.report.LteMeter;
import dialtone.agent.report.MqttLink;
import dialtone.agent.report.ReportService;
import dialtone.agent.report.ReportSetup;
import dialtone.agent.runtime.LastExit;
import dialtone.agent.runtime.RecentLogWriter;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.WatchdogGate;
import dialtone.agent.store.Settings;
import dialtone.agent.usage.BootId;
import dialtone.agent.usage.CrossCheck;
import dialtone.agent.usage.UsageLedger;
import dialtone.agent.usage.UsageMeter;
import dialtone.agent.voip.FirewallService;
import dialtone.agent.web.AntennaAdapter;
import dialtone.agent.web.ConfigAdapter;
import dialtone.agent.web.EventsAdapter;
import dialtone.agent.web.FailoverControlsAdapter;
import dialtone.agent.web.LocationAdapter;
import dialtone.agent.web.LoginWatch;
import dialtone.agent.web.LteSettingsAdapter;
import dialtone.agent.web.StatusAdapter;
import dialtone.agent.web.UsageAdapter;
import dialtone.agent.web.WebEndpoints;
import dialtone.agent.web.WebService;
import dialtone.hal.Hal;
import dialtone.hal.Uplink;
import dialtone.hal.sys.Watchdog;
import dialtone.web.WebApp;
import dialtone.web.WebServer;
import dialtone.web.auth.InstallerPassword;
import dialtone.web.port.SimControls;
import dialtone.web.port.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Wires the agent's services from the configuration, the hardware ports and the database: who
 * listens to whom, and the order they start in. Part of the composition root ({@link Main}).
 */
final class Assembly {
    private Assembly() {}

    /**
     * The process supervisor (systemd on the box) and where it records how the previous run ended.
     */
    record Supervision(Watchdog watchdog, Path lastExit) {}

    /** The services in start order, and the web server's port once started. */
    record Wired(List<Service> services, WebService web) {}

    static Wired wire(
            AgentConfig config,
            Hal hal,
            Supervision supervision,
            Settings settings,
            EventLog events,
            InstallerPassword password,
            WebServer.Settings webSettings,
            SimControls sim,
            Configurator configurator,
            Runnable restart) {
        UplinkMonitor primary = new UplinkMonitor(Uplink.PRIMARY, hal.prober(), config.probe(), hal.clock());
        ModemWatch modem = new ModemWatch(hal.modem());
        SbcProbe sbc = new SbcProbe(hal.prober(), config.sbc().hosts());
        FailoverPolicy policy = new FailoverPolicy(FailoverPolicy.Settings.of(config));
        FailoverController failover = new FailoverController(
                policy,
                new FailoverController.Ports(hal.routes(), hal.flows(), sbc),
                events,
                hal.clock(),
                FailoverControlsAdapter.storedMode(settings));
        primary.onHealth(health -> failover.submit(new PrimaryHealth(health)));
        modem.onStatus(status -> failover.submit(new LteReadiness(status.ready())));
        LteCheck lteCheck = new LteCheck(
                sbc,
                config.probe().lteInterval(),
                () -> failover.state().phase() == Phase.ON_PRIMARY
                        && modem.status().ready(),
                events,
                hal.clock());
        FailoverTest test = new FailoverTest(
                failover,
                policy,
                new FailoverTest.Ports(hal.firewall(), sbc, modem::status),
                new FailoverTestStore(settings.database()),
                events,
                hal.clock());
        LteSettings lteSettings = new LteSettings(config.lte(), settings, events);
        ModemRecovery recovery = new ModemRecovery(
                modem,
                new ModemRecovery.Ports(
                        hal.modem(),
                        () -> failover.state().phase().uplink() == Uplink.LTE
                                && failover.state().mediaFlows() > 0),
                new RecoveryLadder(RecoveryLadder.Settings.DEFAULT),
                new PinGate(lteSettings::pin, pinMemory(settings)),
                lteSettings::data,
                events,
                hal.clock(),
                ModemWatch.INTERVAL);
        lteSettings.onChange(recovery::reconnect);
        LocationService location = new LocationService(settings.database(), events, hal.clock());
        PowerWatch power = new PowerWatch(
                settings, events, hal.clock(), BootId::current, () -> LastExit.take(supervision.lastExit()));
        LocationAdvertiser advertiser =
                new LocationAdvertiser(location, hal.lldp(), config.site().name(), events);
        MoveWatch moves = new MoveWatch(
                location,
                new MoveWatch.Ports(modem::status, () -> hal.routes().gatewayMac(Uplink.PRIMARY), () -> hal.lldp()
                        .upstreamChassis()),
                MoveWatch.Settings.DEFAULT,
                events,
                hal.clock());
        AntennaMode antenna = new AntennaMode(hal.modem(), hal.clock(), Duration.ofSeconds(1));
        UsageLedger ledger = new UsageLedger(settings.database());
        LongSupplier monotonicMs = () -> System.nanoTime() / 1_000_000;
        UsageMeter usage = new UsageMeter(
                config.usage(),
                new UsageMeter.Ports(
                        hal.firewall(),
                        hal.clockTrust(),
                        () -> failover.state().primary().state() == UplinkHealth.State.UP,
                        monotonicMs,
                        BootId.current()),
                ledger,
                events,
                hal.clock(),
                new CrossCheck(hal.links(), config.uplinks().lte().interfaceName(), monotonicMs));
        Notifier notifier = new Notifier(
                config.notifications(),
                new NoticeWriter(new NoticeWriter.Site(
                        config.site().name().isEmpty()
                                ? config.device().id()
                                : config.site().name(),
                        config.device().id(),
                        localUrl(hal, config, webSettings),
                        config.usage().zone())),
                settings.database(),
                new SmtpTransport(config.notifications(), null),
                events,
                hal.clock(),
                () -> usage.summary().usedBytes());
        FirewallService firewall = new FirewallService(
                config, new FirewallService.Ports(hal.firewall(), hal.flows(), hal.resolver()), events, hal.clock());
        FrontPanelService panel = new FrontPanelService(
                new FrontPanelService.Ports(hal.indicators(), hal.buttons(), System::nanoTime, restart),
                new LiveState(firewall, failover, primary, modem, location),
                new FactoryReset(events),
                events);
        Optional<MqttLink> mqtt = mqttLink(
                config,
                new LteMeter(
                        settings,
                        () -> usage.summary().cycle().start().toString(),
                        () -> failover.state().phase().uplink() == Uplink.LTE,
                        config.mqtt().lteBudgetBytes()));
        StatusAdapter status = new StatusAdapter(
                config,
                hal.simulated(),
                new StatusAdapter.Sources(
                        failover, primary, modem, lteCheck, usage, firewall, location, notifier, () -> mqtt.map(
                                        link -> new Status.Mqtt(
                                                link.connected(),
                                                link.meter().used(),
                                                link.meter().budget()))
                                .orElse(new Status.Mqtt(false, null, null))));
        FailoverControlsAdapter failoverControls = new FailoverControlsAdapter(failover, test, settings);
        LocationAdapter locationControls = new LocationAdapter(
                location, config.device().id(), config.site().name(), hal.clock());
        WebService web = new WebService(
                webSettings,
                new WebApp.Ports(
                        status,
                        password,
                        failoverControls,
                        new EventsAdapter(events),
                        new UsageAdapter(config.usage(), usage, ledger),
                        new AntennaAdapter(antenna),
                        locationControls,
                        new LteSettingsAdapter(lteSettings),
                        notifier::test,
                        new LoginWatch(events, hal.clock()),
                        new ConfigAdapter(configurator),
                        RecentLogWriter::recent,
                        sim),
                sim != null); // the demo must not run without its page; a box must not stop for it
        List<Service> services = new ArrayList<>(List.of(
                power,
                firewall,
                failover,
                primary,
                modem,
                recovery,
                antenna,
                lteCheck,
                usage,
                advertiser,
                moves,
                notifier,
                panel));
        mqtt.ifPresent(link -> {
            ReportService report = new ReportService(
                    link,
                    reportSetup(config),
                    new ReportService.Ports(
                            status,
                            failoverControls,
                            locationControls,
                            recovery,
                            events,
                            settings,
                            () -> usage.summary().restricted(),
                            configurator),
                    hal.clock());
            failover.onSwitch(report::uplinkSwitched);
            services.add(report);
        });
        services.add(web);
        services.add(new WatchdogGate(
                supervision.watchdog(),
                List.of(
                        new WatchdogGate.Loop("failover decisions", failover, Duration.ofSeconds(15)),
                        new WatchdogGate.Loop("primary probes", primary, probeSilence(config.probe())),
                        new WatchdogGate.Loop("modem reads", modem, Duration.ofSeconds(60))),
                events,
                System::nanoTime));
        return new Wired(services, web);
    }

    private static Optional<MqttLink> mqttLink(AgentConfig config, LteMeter meter) {
        try {
            return ReportSetup.link(config, meter);
        } catch (ReportSetup.Problem e) {
            throw new StartupRefused("remote management cannot start: " + e.getMessage());
        }
    }

    private static ReportService.Setup reportSetup(AgentConfig config) {
        try {
            return ReportSetup.setup(config, Main.version());
        } catch (ReportSetup.Problem e) {
            throw new StartupRefused("remote management cannot start: " + e.getMessage());
        }
    }

    /** A probe round lasts at most an interval and a timeout: allow several before calling it stuck. */
    private static Duration probeSilence(AgentConfig.Probe probe) {
        Duration round = probe.interval().plus(probe.timeout());
        return round.multipliedBy(5).compareTo(Duration.ofSeconds(30)) > 0
                ? round.multipliedBy(5)
                : Duration.ofSeconds(30);
    }

    /** The installer's page as people on the site's network reach it (the LAN address, the web port). */
    private static String localUrl(Hal hal, AgentConfig config, WebServer.Settings web) {
        return hal.links().link(config.lan().interfaceName()).stream()
                .flatMap(link -> link.addresses().stream())
                .filter(a -> a.getAddress().length == 4)
                .findFirst()
                .map(a -> WebEndpoints.url(web, a.getHostAddress(), web.port()))
                .orElse("the box's address on the site's network");
    }

    private static PinGate.Memory pinMemory(Settings settings) {
        return new PinGate.Memory() {
            @Override
            public java.util.Optional<String> tried() {
                return settings.get("modem.pin-tried");
            }

            @Override
            public void remember(String digest) {
                settings.put("modem.pin-tried", digest);
            }
        };
    }
}
