package dialtone.agent;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.ConfigLoader;
import dialtone.agent.config.ConfigValidator;
import dialtone.agent.events.EventLog;
import dialtone.agent.report.Configurator;
import dialtone.agent.report.RemoteConfig;
import dialtone.agent.runtime.ServiceGroup;
import dialtone.agent.store.Database;
import dialtone.agent.store.DatabaseException;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.agent.web.DatabaseCredentials;
import dialtone.agent.web.LanAddresses;
import dialtone.agent.web.SimControlsAdapter;
import dialtone.agent.web.WebEndpoints;
import dialtone.agent.web.WebService;
import dialtone.hal.Hal;
import dialtone.hal.HalException;
import dialtone.hal.linux.JdkProcessRunner;
import dialtone.hal.linux.LinuxHal;
import dialtone.hal.linux.LinuxNet;
import dialtone.hal.linux.Pi4jPanel;
import dialtone.hal.linux.SystemdNotify;
import dialtone.hal.sim.SimWorld;
import dialtone.hal.sys.Watchdog;
import dialtone.web.WebServer;
import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.PasswordHasher;
import java.nio.channels.FileLock;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
import org.tinylog.jul.JulTinylogBridge;

/** The composition root: the command line and configuration in, a running agent out. */
public final class Main {
    static final int EXIT_REFUSED = 2;
    static final int EXIT_CRASHED = 1;
    /** Asks systemd for a restart (the unit restarts on it): after the front panel's reset. */
    static final int EXIT_RESTART = 3;

    static final String PASSWORD_ENV = "DIALTONE_INSTALLER_PASSWORD";
    /** Written by systemd's ExecStopPost (systemd/record-exit) in the data directory. */
    static final String LAST_EXIT = "last-exit";

    private Main() {}

    public static void main(String[] argv) {
        long begin = System.nanoTime();
        JulTinylogBridge.activate();
        AgentArgs args;
        try {
            args = AgentArgs.parse(argv);
        } catch (AgentArgs.UsageException e) {
            System.err.println("dialtone-agent: " + e.getMessage() + "\n\n" + AgentArgs.USAGE);
            System.exit(EXIT_REFUSED);
            return;
        }
        if (args.help() || args.version()) {
            System.err.println(args.help() ? AgentArgs.USAGE : "dialtone-agent " + version());
            return;
        }
        try {
            run(args, System.getenv(), begin);
        } catch (StartupRefused e) {
            System.err.print(e.report());
            System.exit(EXIT_REFUSED);
        } catch (RuntimeException e) {
            Logger.error(e, "The agent crashed while starting");
            System.exit(EXIT_CRASHED);
        }
    }

    private static void run(AgentArgs args, Map<String, String> env, long begin) throws StartupRefused {
        Map<String, String> modeDefaults = args.sim() ? ConfigValidator.simulatedSiteDefaults() : Map.of();
        ConfigLoader loader = ConfigLoader.read(args.configFile(), args.configExplicit(), env, modeDefaults);
        AgentConfig base = checked(loader.validate(Map.of()), env);
        if (!args.sim() && !base.uplinks().configured()) {
            throw new StartupRefused("this machine is not provisioned as a Dialtone box: uplink.primary.interface "
                    + "and uplink.lte.interface are not set, and the agent never touches the network of a machine "
                    + "it was not set up for. Use --sim for the demo.");
        }
        FileLock lock = DataDir.claim(args.dataDir());
        Database database = openDatabase(args);
        RemoteConfig remote = RemoteConfig.read(new Settings(database, java.time.Clock.systemUTC()));
        AgentConfig config = withRemote(loader, remote, base);
        if (config == base) {
            remote = RemoteConfig.NONE;
        }
        SimWorld world = args.sim() ? SimWorld.live(interfaces(config)) : null;
        Hal hal = world != null ? world.hal() : linuxHal(config, args.dataDir().resolve("firewall.nft"));
        Settings settings = new Settings(database, hal.clock());
        InstallerPassword password = installerPassword(settings, env.get(PASSWORD_ENV));
        LanAddresses lan = world == null ? new LanAddresses(config.lan().interfaceName()) : null;
        WebServer.Settings webSettings = lan == null
                ? WebEndpoints.demo(args.httpPort(), args.httpsPort(), args.dataDir())
                : WebEndpoints.box(args.httpPort(), args.httpsPort(), args.dataDir(), lan, java.time.Clock.systemUTC());
        Watchdog supervisor =
                SystemdNotify.fromEnvironment(env, ProcessHandle.current().pid());
        EventLog events = new EventLog(database, hal.clock());
        Assembly.Wired wired = Assembly.wire(
                config,
                hal,
                new Assembly.Supervision(supervisor, args.dataDir().resolve(LAST_EXIT)),
                settings,
                events,
                password,
                webSettings,
                world == null ? null : new SimControlsAdapter(world),
                new Configurator(loader, remote, settings, events, Main::restart),
                Main::restart);
        WebService web = wired.web();
        Agent agent = new Agent(supervisor, new ServiceGroup(wired.services()), database, lock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            Logger.info("Stopping");
                            agent.stop();
                            stopped.countDown();
                        },
                        "shutdown"));
        try {
            agent.start("serving");
        } catch (WebServer.WebStartException e) {
            throw new StartupRefused(e.getMessage());
        }
        Logger.info(
                "Dialtone agent {} ready in {} ms: {}, web UI on {}",
                version(),
                (System.nanoTime() - begin) / 1_000_000,
                world == null ? "real network" : "SIMULATED site",
                WebEndpoints.describe(webSettings, lan, web.port()));
        awaitShutdown(stopped);
    }

    /**
     * The configuration with what operations set from afar; when that no longer validates (a
     * newer agent, a changed file), the agent runs on the file and the environment alone and says so.
     */
    private static AgentConfig withRemote(ConfigLoader loader, RemoteConfig remote, AgentConfig base) {
        if (remote.values().isEmpty()) {
            return base;
        }
        ConfigValidator.Result result = loader.validate(remote.values());
        if (result.config().isPresent()) {
            Logger.info(
                    "Configuration version {} set remotely: {}",
                    remote.version(),
                    remote.values().keySet());
            return result.config().get();
        }
        Logger.error(
                "Configuration version {} set remotely is not valid here ({}): running without it",
                remote.version(),
                result.problems());
        return base;
    }

    /** The configuration, or every problem with it (and with the provisioned password) at once. */
    private static AgentConfig checked(ConfigValidator.Result result, Map<String, String> env) {
        result.warnings().forEach(name -> Logger.warn("Ignoring environment variable {}: no such setting", name));
        SortedMap<String, String> problems = new TreeMap<>(result.problems());
        Optional.ofNullable(env.get(PASSWORD_ENV))
                .flatMap(InstallerPassword::problem)
                .ifPresent(problem -> problems.put(PASSWORD_ENV, problem));
        if (!problems.isEmpty()) {
            throw new StartupRefused("the configuration has " + problems.size() + " problem(s)", problems);
        }
        return result.config().orElseThrow();
    }

    private static SimWorld.Interfaces interfaces(AgentConfig config) {
        return new SimWorld.Interfaces(
                config.uplinks().primary().interfaceName(),
                config.uplinks().lte().interfaceName(),
                config.lan().interfaceName());
    }

    /**
     * The real network and front panel; a missing tool, privilege or GPIO chip is a clear refusal,
     * not a half-started agent.
     */
    private static Hal linuxHal(AgentConfig config, java.nio.file.Path savedFirewall) {
        AgentConfig.Uplinks uplinks = config.uplinks();
        LinuxNet net = new LinuxNet(
                uplinks.primary().interfaceName(),
                uplinks.lte().interfaceName(),
                config.lan().interfaceName(),
                uplinks.primary().gateway(),
                uplinks.lte().gateway());
        try {
            return LinuxHal.create(
                    net,
                    new LinuxHal.Settings(
                            config.lte().modem(),
                            config.lte().modemPort(),
                            config.e911().lldpSocket().isEmpty()
                                    ? null
                                    : config.e911().lldpSocket(),
                            savedFirewall,
                            panelPins(config.gpio())),
                    new JdkProcessRunner());
        } catch (HalException e) {
            throw new StartupRefused("the box cannot be set up: " + e.getMessage());
        }
    }

    private static Pi4jPanel.Pins panelPins(AgentConfig.Gpio gpio) {
        return gpio.enabled()
                ? new Pi4jPanel.Pins(gpio.health(), gpio.uplink(), gpio.signal(), gpio.e911(), gpio.button())
                : null;
    }

    private static Database openDatabase(AgentArgs args) {
        try {
            return Database.open(args.dataDir().resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        } catch (DatabaseException e) {
            throw new StartupRefused(e.getMessage());
        }
    }

    private static InstallerPassword installerPassword(Settings settings, String provisioned) {
        InstallerPassword password = new InstallerPassword(
                new DatabaseCredentials(settings), new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS));
        if (provisioned != null) {
            if (password.provisionIfAbsent(provisioned)) {
                Logger.info("Installer password set from {}", PASSWORD_ENV);
            } else {
                Logger.info("{} ignored: this device already has an installer password", PASSWORD_ENV);
            }
        } else if (!password.isSet()) {
            Logger.warn(
                    "No installer password is set: the web UI asks the first installer on the LAN for one ({} would provide it)",
                    PASSWORD_ENV);
        }
        return password;
    }

    /** Exits with {@link #EXIT_RESTART} from a thread of its own: the shutdown hook stops the services. */
    private static void restart() {
        Thread.ofPlatform().name("restart").start(() -> System.exit(EXIT_RESTART));
    }

    private static void awaitShutdown(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
