package dialtone.agent.config;

import dialtone.agent.config.AgentConfig.Device;
import dialtone.agent.config.AgentConfig.Failover;
import dialtone.agent.config.AgentConfig.Lan;
import dialtone.agent.config.AgentConfig.Lte;
import dialtone.agent.config.AgentConfig.Mqtt;
import dialtone.agent.config.AgentConfig.Notifications;
import dialtone.agent.config.AgentConfig.Probe;
import dialtone.agent.config.AgentConfig.Sbc;
import dialtone.agent.config.AgentConfig.Site;
import dialtone.agent.config.AgentConfig.Uplink;
import dialtone.agent.config.AgentConfig.Uplinks;
import dialtone.agent.config.AgentConfig.Usage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one place configuration is checked: reads every key from {@link ConfigSources}, applies
 * {@link Defaults}, and returns either a valid {@link AgentConfig} or every problem as {@code key
 * -> message}, so the installer sees them all at once.
 */
public final class ConfigValidator {
    private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern DEVICE_PATH = Pattern.compile("/dev/[A-Za-z0-9/_.-]+");
    private static final Set<String> MODEM_KINDS = Set.of("modemmanager", "at", "ethernet");
    private static final Pattern SOCKET_PATH = Pattern.compile("/[A-Za-z0-9/_.-]+");
    private static final Pattern ISSUER = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    /** A valid configuration, or the problems (then {@code config} is empty). */
    public record Result(Optional<AgentConfig> config, SortedMap<String, String> problems, Set<String> warnings) {}

    private ConfigValidator() {}

    public static Result validate(ConfigSources sources) {
        ConfigFields fields = new ConfigFields(sources);
        AgentConfig config = new AgentConfig(
                new Device(fields.matching("device.id", DEVICE_ID, "lowercase letters, digits and inner dashes")),
                new Site(fields.text("site.name", 100)),
                uplinks(fields),
                new Lan(interfaceName(fields, "lan.interface")),
                lte(fields),
                new Sbc(fields.list(
                        "sbc.hosts", java.util.List.of(), "a host name or address", host -> Optional.of(host)
                                .filter(NetSyntax::isHost))),
                voice(fields),
                probe(fields),
                failover(fields),
                usage(fields),
                new AgentConfig.E911(fields.matching("e911.lldp-socket", SOCKET_PATH, "an absolute path")),
                mqtt(fields),
                notifications(fields),
                gpio(fields));
        crossChecks(config, fields);
        sources.unknownFileKeys().forEach(key -> fields.problem(key, "unknown key"));
        SortedMap<String, String> problems = new TreeMap<>(fields.problems());
        Optional<AgentConfig> valid = problems.isEmpty() ? Optional.of(config) : Optional.empty();
        return new Result(valid, problems, sources.unknownEnvNames());
    }

    private static Uplinks uplinks(ConfigFields fields) {
        return new Uplinks(
                new Uplink(
                        interfaceName(fields, "uplink.primary.interface"), gateway(fields, "uplink.primary.gateway")),
                new Uplink(interfaceName(fields, "uplink.lte.interface"), gateway(fields, "uplink.lte.gateway")));
    }

    private static String interfaceName(ConfigFields fields, String key) {
        String name = fields.text(key, 15);
        if (!name.isEmpty() && !NetSyntax.isInterfaceName(name)) {
            fields.problem(key, "must be a network interface name such as eth0 or wwan0");
            return "";
        }
        return name;
    }

    private static String gateway(ConfigFields fields, String key) {
        String text = fields.text(key, 64);
        Optional<InetAddress> address = NetSyntax.ipLiteral(text);
        if (!text.isEmpty() && address.isEmpty()) {
            fields.problem(key, "must be an IPv4 or IPv6 address (leave it out to use the kernel's route)");
            return "";
        }
        return address.map(InetAddress::getHostAddress).orElse("");
    }

    private static Lte lte(ConfigFields fields) {
        String modem = fields.choice("lte.modem", MODEM_KINDS, Defaults.LTE_MODEM);
        String port = fields.matching("lte.modem.port", DEVICE_PATH, "a device path such as /dev/ttyUSB2");
        if (modem.equals("at") && port.isEmpty() && !fields.hasProblem("lte.modem.port")) {
            fields.problem("lte.modem.port", "required when lte.modem is at");
        }
        String apn = fields.checked("lte.apn", LteRules::apn);
        String user = fields.checked("lte.apn.user", LteRules::credential);
        String password = fields.checked("lte.apn.password", LteRules::credential);
        boolean roaming = fields.choice("lte.roaming", Set.of("allowed", "forbidden"), "forbidden")
                .equals("allowed");
        String pin = fields.checked("lte.sim-pin", LteRules::pin);
        if (modem.equals("ethernet")) {
            for (String key : List.of("lte.apn", "lte.apn.user", "lte.apn.password", "lte.sim-pin")) {
                if (fields.isSet(key)) {
                    fields.problem(key, "not with lte.modem = ethernet (an LTE router keeps its own)");
                }
            }
        }
        return new Lte(modem, port, apn, user, new Secret(password), roaming, new Secret(pin));
    }

    private static AgentConfig.Voice voice(ConfigFields fields) {
        List<AgentConfig.Transport> transports = fields.list(
                "sbc.transports",
                Defaults.SIP_TRANSPORTS,
                "a transport such as udp:5060, tcp:5060 or tls:5061",
                NetSyntax::transport);
        int[] media = fields.portRange("sbc.media-ports", Defaults.MEDIA_PORTS);
        String provisioning = fields.text("provisioning.url", 255);
        Optional<String[]> provisioningHost = NetSyntax.httpsHost(provisioning);
        if (!provisioning.isEmpty() && provisioningHost.isEmpty()) {
            fields.problem("provisioning.url", "must be https://host[:port][/path]");
        }
        return new AgentConfig.Voice(
                transports,
                fields.list("sbc.media", List.of(), "a host name or address", host -> Optional.of(host)
                        .filter(NetSyntax::isHost)),
                media[0],
                media[1],
                fields.list("dns.servers", List.of(), "an IPv4 or IPv6 address", text -> NetSyntax.ipLiteral(text)
                        .map(InetAddress::getHostAddress)),
                fields.list("ntp.servers", List.of(), "a host name or address", host -> Optional.of(host)
                        .filter(NetSyntax::isHost)),
                fields.integer("voice.seats", 1, 1000, Defaults.VOICE_SEATS),
                provisioningHost.map(h -> h[0]).orElse(""),
                provisioningHost.map(h -> Integer.parseInt(h[1])).orElse(443));
    }

    private static Probe probe(ConfigFields fields) {
        Duration interval = fields.duration(
                "probe.interval", Duration.ofMillis(500), Duration.ofSeconds(10), Defaults.PROBE_INTERVAL);
        Duration timeout =
                fields.duration("probe.timeout", Duration.ofMillis(100), Duration.ofSeconds(5), Defaults.PROBE_TIMEOUT);
        var targets = fields.list(
                "probe.targets",
                Defaults.PROBE_TARGETS,
                "a probe target such as icmp:192.0.2.1, "
                        + "dns:198.51.100.53, tcp:203.0.113.10:443 or sip:sbc.example.net",
                NetSyntax::probeTarget);
        int quorum = fields.integer("probe.quorum", 1, 20, Defaults.PROBE_QUORUM);
        if (!targets.isEmpty() && quorum > targets.size()) {
            fields.problem("probe.quorum", "must not exceed the number of probe.targets (" + targets.size() + ")");
        }
        if (targets.isEmpty() && !fields.hasProblem("probe.targets")) {
            fields.problem("probe.targets", "at least one target is needed to watch the Internet line");
        }
        return new Probe(
                targets,
                interval,
                timeout,
                fields.integer("probe.down-after", 1, 20, Defaults.PROBE_DOWN_AFTER),
                quorum,
                fields.integer("probe.window", 5, 600, Defaults.PROBE_WINDOW),
                fields.integer("probe.loss-threshold", 5, 100, Defaults.PROBE_LOSS_THRESHOLD_PERCENT),
                fields.duration(
                        "probe.latency-threshold",
                        Duration.ofMillis(50),
                        Duration.ofSeconds(5),
                        Defaults.PROBE_LATENCY_THRESHOLD),
                fields.duration(
                        "probe.lte-interval",
                        Duration.ofMinutes(5),
                        Duration.ofHours(24),
                        Defaults.PROBE_LTE_INTERVAL));
    }

    private static Usage usage(ConfigFields fields) {
        List<Integer> thresholds = fields.list(
                "usage.thresholds",
                Defaults.USAGE_THRESHOLDS_PERCENT,
                "a percentage from 1 to 100",
                text -> text.matches("\\d{1,3}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 100
                        ? Optional.of(Integer.parseInt(text))
                        : Optional.empty());
        if (!thresholds.equals(thresholds.stream().sorted().distinct().toList())) {
            fields.problem("usage.thresholds", "must be rising percentages without repeats, e.g. 50, 80, 100");
        }
        return new Usage(
                fields.bytes("usage.cap", 1_000_000, 1_000_000_000_000L, Defaults.USAGE_CAP_BYTES),
                fields.integer("usage.cycle-start-day", 1, 31, Defaults.USAGE_CYCLE_START_DAY),
                fields.money("usage.overage-price", Defaults.USAGE_OVERAGE_PRICE_PER_GB),
                thresholds,
                fields.zone("usage.timezone"),
                fields.duration(
                        "usage.interval", Duration.ofSeconds(5), Duration.ofMinutes(10), Defaults.USAGE_INTERVAL),
                fields.choice("usage.codec", Set.of("g711", "g729", "opus"), Defaults.USAGE_CODEC),
                fields.choice("usage.at-cap", Set.of("alert", "restrict"), Defaults.USAGE_AT_CAP));
    }

    private static Failover failover(ConfigFields fields) {
        return new Failover(
                fields.duration(
                        "failover.hold-time", Duration.ofSeconds(10), Duration.ofHours(1), Defaults.FAILOVER_HOLD_TIME),
                fields.duration(
                        "failover.max-wait", Duration.ofMinutes(1), Duration.ofHours(24), Defaults.FAILOVER_MAX_WAIT),
                fields.integer("failover.max-switches-per-hour", 2, 60, Defaults.FAILOVER_MAX_SWITCHES_PER_HOUR));
    }

    private static Mqtt mqtt(ConfigFields fields) {
        String url = fields.text("mqtt.url", 255);
        Optional<String> normalised = NetSyntax.mqttUrl(url);
        if (!url.isEmpty() && normalised.isEmpty()) {
            fields.problem("mqtt.url", "must be tcp://host:port or ssl://host:port");
        }
        return new Mqtt(
                normalised.orElse(""),
                fields.text("mqtt.username", 128),
                new Secret(fields.text("mqtt.password", 256)),
                fields.readableFile("mqtt.tls.ca"),
                fields.readableFile("mqtt.tls.cert"),
                fields.readableFile("mqtt.tls.key"),
                fields.list(
                        "mqtt.command.issuers",
                        List.of(),
                        "an issuer id (letters, digits, . _ : @ -)",
                        text -> Optional.of(text).filter(ISSUER.asPredicate())),
                fields.readableFile("mqtt.command.key"),
                Set.copyOf(fields.list(
                        "mqtt.command.signed", Defaults.SIGNED_COMMANDS, "a command name", text -> Optional.of(text)
                                .filter(Defaults.COMMANDS::contains))),
                fields.duration(
                        "mqtt.keepalive.primary",
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(30),
                        Defaults.MQTT_KEEPALIVE_PRIMARY),
                fields.duration(
                        "mqtt.keepalive.lte", Duration.ofSeconds(30), Duration.ofHours(1), Defaults.MQTT_KEEPALIVE_LTE),
                fields.duration("mqtt.will-delay", Duration.ZERO, Duration.ofMinutes(10), Defaults.MQTT_WILL_DELAY),
                fields.bytes("mqtt.lte-budget", 100_000, 1_000_000_000L, Defaults.MQTT_LTE_BUDGET_BYTES),
                fields.choice("mqtt.telemetry.on-lte", Set.of("true", "false"), "false")
                        .equals("true"),
                fields.duration(
                        "mqtt.telemetry.every",
                        Duration.ofSeconds(10),
                        Duration.ofHours(1),
                        Defaults.MQTT_TELEMETRY_EVERY),
                fields.duration(
                        "mqtt.telemetry.batch",
                        Duration.ofSeconds(10),
                        Duration.ofHours(24),
                        Defaults.MQTT_TELEMETRY_BATCH));
    }

    private static Notifications notifications(ConfigFields fields) {
        String host = fields.text("notify.smtp.host", 253);
        if (!host.isEmpty() && !NetSyntax.isHost(host)) {
            fields.problem("notify.smtp.host", "must be a host name or address");
        }
        String security = fields.choice("notify.smtp.security", Set.of("starttls", "tls", "none"), "starttls");
        String from = fields.text("notify.email.from", 254);
        if (!from.isEmpty() && !NetSyntax.isEmail(from)) {
            fields.problem("notify.email.from", "must be an e-mail address");
            from = "";
        }
        return new Notifications(
                host,
                fields.integer("notify.smtp.port", 1, 65535, security.equals("tls") ? 465 : Defaults.SMTP_PORT),
                security,
                fields.checked("notify.smtp.username", LteRules::credential),
                new Secret(fields.checked("notify.smtp.password", LteRules::credential)),
                from,
                emails(fields, "notify.email.customer"),
                emails(fields, "notify.email.support"),
                categories(fields, "notify.customer.events", Defaults.CUSTOMER_NOTICES),
                categories(fields, "notify.support.events", Defaults.SUPPORT_NOTICES),
                fields.duration(
                        "notify.coalesce", Duration.ofMinutes(1), Duration.ofHours(1), Defaults.NOTIFY_COALESCE));
    }

    private static AgentConfig.Gpio gpio(ConfigFields fields) {
        boolean enabled =
                fields.choice("gpio.enabled", Set.of("true", "false"), "false").equals("true");
        Map<Integer, String> used = new java.util.HashMap<>();
        return new AgentConfig.Gpio(
                enabled,
                pin(fields, "gpio.led.health", Defaults.GPIO_LED_HEALTH, used),
                pin(fields, "gpio.led.uplink", Defaults.GPIO_LED_UPLINK, used),
                pin(fields, "gpio.led.signal", Defaults.GPIO_LED_SIGNAL, used),
                pin(fields, "gpio.led.e911", Defaults.GPIO_LED_E911, used),
                pin(fields, "gpio.button", Defaults.GPIO_BUTTON, used));
    }

    /** A BCM pin number of the 40-pin header, not one an earlier key of {@code used} took. */
    private static int pin(ConfigFields fields, String key, int fallback, Map<Integer, String> used) {
        int pin = fields.integer(key, 0, 27, fallback);
        if (fields.hasProblem(key)) {
            return pin;
        }
        String other = used.putIfAbsent(pin, key);
        if (other != null) {
            fields.problem(key, "GPIO " + pin + " is already " + other);
        }
        return pin;
    }

    private static Set<String> categories(ConfigFields fields, String key, List<String> fallback) {
        return Set.copyOf(
                fields.list(key, fallback, "one of failover, usage, e911, modem, security", text -> Optional.of(text)
                        .filter(Defaults.NOTICE_CATEGORIES::contains)));
    }

    private static java.util.List<String> emails(ConfigFields fields, String key) {
        return fields.list(key, java.util.List.of(), "an e-mail address", text -> Optional.of(text)
                .filter(NetSyntax::isEmail));
    }

    /** Rules that span keys, each reported under the key an installer would fix. */
    private static void crossChecks(AgentConfig c, ConfigFields fields) {
        String primary = c.uplinks().primary().interfaceName();
        String lte = c.uplinks().lte().interfaceName();
        if (!primary.isEmpty() && primary.equals(lte)) {
            fields.problem("uplink.lte.interface", "must differ from uplink.primary.interface");
        }
        String lan = c.lan().interfaceName();
        if (!lan.isEmpty() && (lan.equals(primary) || lan.equals(lte))) {
            fields.problem("lan.interface", "must differ from the uplink interfaces");
        }
        if (c.probe().timeout().compareTo(c.probe().interval()) > 0) {
            fields.problem("probe.timeout", "must not be longer than probe.interval");
        }
        Mqtt mqtt = c.mqtt();
        if (!mqtt.url().isEmpty() && c.device().id().isEmpty()) {
            fields.problem("device.id", "required when mqtt.url is set (it is the MQTT client id)");
        }
        boolean tlsFiles = mqtt.tlsCa() != null || mqtt.tlsCert() != null || mqtt.tlsKey() != null;
        if (tlsFiles && !mqtt.url().startsWith("ssl://")) {
            fields.problem("mqtt.url", "must be ssl://host:port when TLS files are configured");
        }
        if ((mqtt.tlsCert() == null) != (mqtt.tlsKey() == null)) {
            fields.problem(
                    mqtt.tlsCert() == null ? "mqtt.tls.cert" : "mqtt.tls.key",
                    "required with " + (mqtt.tlsCert() == null ? "mqtt.tls.key" : "mqtt.tls.cert"));
        }
        if (mqtt.password().isSet() && mqtt.username().isEmpty()) {
            fields.problem("mqtt.username", "required when mqtt.password is set");
        }
        boolean recipients = !c.notifications().customer().isEmpty()
                || !c.notifications().support().isEmpty();
        if (recipients && c.notifications().smtpHost().isEmpty()) {
            fields.problem("notify.smtp.host", "required when e-mail recipients are set");
        }
        if (recipients && c.notifications().from().isEmpty() && !fields.hasProblem("notify.email.from")) {
            fields.problem(
                    "notify.email.from", "required when e-mail recipients are set (the sender the server accepts)");
        }
        if (c.notifications().password().isSet() && c.notifications().username().isEmpty()) {
            fields.problem("notify.smtp.username", "required when notify.smtp.password is set");
        }
    }

    /** The layer of defaults a simulated site adds below the file: believable interface names. */
    public static Map<String, String> simulatedSiteDefaults() {
        return Map.of(
                "device.id", Defaults.SIM_DEVICE_ID,
                "site.name", Defaults.SIM_SITE_NAME,
                "uplink.primary.interface", Defaults.SIM_PRIMARY_INTERFACE,
                "uplink.lte.interface", Defaults.SIM_LTE_INTERFACE,
                "lan.interface", Defaults.SIM_LAN_INTERFACE,
                "sbc.hosts", Defaults.SIM_SBC_HOST);
    }
}
