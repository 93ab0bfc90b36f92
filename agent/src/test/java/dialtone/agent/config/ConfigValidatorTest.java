package dialtone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.net.ProbeMethod;
import dialtone.hal.net.ProbeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {

    private static ConfigValidator.Result validate(Map<String, String> file) {
        return ConfigValidator.validate(new ConfigSources(Map.of(), file, Map.of()));
    }

    @Test
    void nothingConfiguredIsValidAndAllDefaults() {
        ConfigValidator.Result result = validate(Map.of());

        assertThat(result.problems()).isEmpty();
        AgentConfig config = result.config().orElseThrow();
        assertThat(config.uplinks().configured()).isFalse();
        assertThat(config.lte().modem()).isEqualTo(Defaults.LTE_MODEM);
        assertThat(config.usage().capBytes()).isEqualTo(Defaults.USAGE_CAP_BYTES);
        assertThat(config.probe().interval()).isEqualTo(Defaults.PROBE_INTERVAL);
        assertThat(config.probe().targets()).hasSize(Defaults.PROBE_TARGETS.size());
        assertThat(config.notifications().smtpPort()).isEqualTo(Defaults.SMTP_PORT);
    }

    @Test
    void aFullyProvisionedBoxIsReadBack(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");
        Path cert = Files.writeString(dir.resolve("dev.pem"), "cert");
        Path key = Files.writeString(dir.resolve("dev.key"), "key");
        Map<String, String> file = new HashMap<>(Map.of(
                "device.id", "dt-000123",
                "site.name", "Acme Dental, Suite 200",
                "uplink.primary.interface", "eth0",
                "uplink.primary.gateway", "192.0.2.1",
                "uplink.lte.interface", "wwan0",
                "lan.interface", "eth1",
                "lte.modem", "at",
                "lte.modem.port", "/dev/ttyUSB2",
                "sbc.hosts", "sbc1.example.net, 198.51.100.10",
                "probe.targets", "icmp:192.0.2.1, dns:198.51.100.53, tcp:[2001:db8::1]:443, sip:sbc1.example.net"));
        file.putAll(Map.of(
                "probe.interval", "500ms",
                "probe.timeout", "400ms",
                "usage.cap", "1GB",
                "mqtt.url", "ssl://broker.example.net",
                "mqtt.tls.ca", ca.toString(),
                "mqtt.tls.cert", cert.toString(),
                "mqtt.tls.key", key.toString(),
                "notify.smtp.host", "smtp.example.net",
                "notify.email.customer", "office@acme.example",
                "notify.email.support", "noc@provider.example, oncall@provider.example"));
        file.put("notify.email.from", "dialtone@provider.example");

        ConfigValidator.Result result = validate(file);

        assertThat(result.problems()).isEmpty();
        AgentConfig c = result.config().orElseThrow();
        assertThat(c.uplinks().primary().gateway()).isEqualTo("192.0.2.1");
        assertThat(c.uplinks().lte().gateway()).as("discovered from the kernel").isEmpty();
        assertThat(c.sbc().hosts()).containsExactly("sbc1.example.net", "198.51.100.10");
        assertThat(c.probe().targets())
                .containsExactly(
                        ProbeTarget.of(ProbeMethod.ICMP, "192.0.2.1"),
                        new ProbeTarget(ProbeMethod.DNS, "198.51.100.53", 53),
                        new ProbeTarget(ProbeMethod.TCP, "2001:db8::1", 443),
                        new ProbeTarget(ProbeMethod.SIP, "sbc1.example.net", 5060));
        assertThat(c.probe().interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.usage().capBytes()).isEqualTo(1_000_000_000L);
        assertThat(c.mqtt().url()).isEqualTo("ssl://broker.example.net:8883");
        assertThat(c.notifications().support()).containsExactly("noc@provider.example", "oncall@provider.example");
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        Map<String, String> bad = new HashMap<>(Map.of(
                "device.id", "Dev_1",
                "site.name", "x".repeat(101),
                "uplink.primary.interface", "eth 0",
                "uplink.primary.gateway", "gateway.example",
                "uplink.lte.interface", "wwan0",
                "lan.interface", "wwan0",
                "lte.modem", "huawei",
                "sbc.hosts", "sbc..example.net",
                "probe.targets", "tcp:192.0.2.1",
                "probe.interval", "fast"));
        bad.putAll(Map.of(
                "probe.timeout", "20s",
                "usage.cap", "0",
                "mqtt.url", "http://broker.example.net",
                "mqtt.tls.ca", "/no/such/ca.pem",
                "notify.smtp.port", "70000",
                "notify.email.customer", "office@acme.example\r\nBcc: all@example.net",
                "notify.email.support", "not-an-address",
                "colour", "blue"));

        ConfigValidator.Result result = validate(bad);

        assertThat(result.config()).isEmpty();
        assertThat(result.problems())
                .containsOnlyKeys(
                        "device.id",
                        "site.name",
                        "uplink.primary.interface",
                        "uplink.primary.gateway",
                        "lan.interface",
                        "lte.modem",
                        "sbc.hosts",
                        "probe.targets",
                        "probe.interval",
                        "probe.timeout",
                        "usage.cap",
                        "mqtt.url",
                        "mqtt.tls.ca",
                        "notify.smtp.port",
                        "notify.email.customer",
                        "notify.email.support",
                        "colour");
        assertThat(result.problems().get("colour")).isEqualTo("unknown key");
        assertThat(result.problems().get("usage.cap")).contains("2GB");
        assertThat(result.problems().get("lte.modem")).isEqualTo("must be one of at, ethernet, modemmanager");
        assertThat(result.problems().get("notify.email.customer")).contains("not an e-mail address");
    }

    @Test
    void crossFieldRulesNameTheKeyToFix() {
        ConfigValidator.Result result = validate(Map.of(
                "uplink.primary.interface", "eth0",
                "uplink.lte.interface", "eth0",
                "lte.modem", "at",
                "probe.interval", "1s",
                "probe.timeout", "2s",
                "mqtt.url", "tcp://broker.example.net:1883",
                "mqtt.password", "secret",
                "notify.email.support", "noc@provider.example"));

        assertThat(result.problems())
                .containsOnlyKeys(
                        "uplink.lte.interface",
                        "lte.modem.port",
                        "probe.timeout",
                        "device.id",
                        "mqtt.username",
                        "notify.smtp.host",
                        "notify.email.from");
    }

    @Test
    void mailSettingsThatCannotBeAreFieldErrors() {
        ConfigValidator.Result result = validate(Map.of(
                "notify.smtp.host", "smtp.example.net",
                "notify.smtp.security", "ssl3",
                "notify.smtp.password", "secret",
                "notify.email.from", "dialtone@provider.example\r\nBcc: all@example.net",
                "notify.email.customer", "office@acme.example",
                "notify.customer.events", "failover, gossip",
                "notify.coalesce", "5s"));

        assertThat(result.problems())
                .containsOnlyKeys(
                        "notify.smtp.security",
                        "notify.smtp.username",
                        "notify.email.from",
                        "notify.customer.events",
                        "notify.coalesce");
    }

    @Test
    void mailSettingsAreReadBack() {
        AgentConfig.Notifications n = validate(Map.of(
                        "notify.smtp.host", "smtp.example.net",
                        "notify.smtp.security", "tls",
                        "notify.email.from", "dialtone@provider.example",
                        "notify.email.customer", "office@acme.example",
                        "notify.support.events", "modem, security"))
                .config()
                .orElseThrow()
                .notifications();

        assertThat(n.smtpPort()).as("implicit TLS's port").isEqualTo(465);
        assertThat(n.customerCategories()).containsExactlyInAnyOrder("failover", "usage", "e911");
        assertThat(n.supportCategories()).containsExactlyInAnyOrder("modem", "security");
        assertThat(n.coalesce()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(n.enabled()).isTrue();
    }

    @Test
    void failoverTunablesOutsideTheirRangesAreFieldErrors() {
        ConfigValidator.Result result = validate(Map.of(
                "probe.targets", "icmp:192.0.2.1, icmp:192.0.2.2",
                "probe.quorum", "3",
                "probe.down-after", "0",
                "probe.window", "1000",
                "probe.loss-threshold", "0",
                "probe.latency-threshold", "10ms",
                "probe.lte-interval", "1min",
                "failover.hold-time", "soon",
                "failover.max-wait", "2d",
                "failover.max-switches-per-hour", "1"));

        assertThat(result.problems())
                .containsOnlyKeys(
                        "probe.quorum",
                        "probe.down-after",
                        "probe.window",
                        "probe.loss-threshold",
                        "probe.latency-threshold",
                        "probe.lte-interval",
                        "failover.hold-time",
                        "failover.max-wait",
                        "failover.max-switches-per-hour");
        assertThat(result.problems().get("probe.quorum")).contains("number of probe.targets (2)");
        assertThat(result.problems().get("probe.lte-interval")).isEqualTo("must be from 5min to 24h");
    }

    @Test
    void aPlanThatCannotBeIsRefusedFieldByField() {
        ConfigValidator.Result result = validate(Map.of(
                "usage.cap", "0",
                "usage.overage-price", "-5",
                "usage.cycle-start-day", "32",
                "usage.thresholds", "80, 50",
                "usage.timezone", "Mars/Olympus_Mons",
                "usage.interval", "1s",
                "usage.codec", "g722",
                "usage.at-cap", "cut"));

        assertThat(result.problems())
                .containsOnlyKeys(
                        "usage.cap",
                        "usage.overage-price",
                        "usage.cycle-start-day",
                        "usage.thresholds",
                        "usage.timezone",
                        "usage.interval",
                        "usage.codec",
                        "usage.at-cap");
        assertThat(result.problems().get("usage.cycle-start-day")).isEqualTo("must be a whole number from 1 to 31");
    }

    @Test
    void aPlanIsReadBack() {
        AgentConfig.Usage usage = validate(Map.of(
                        "usage.cap",
                        "1GB",
                        "usage.overage-price",
                        "12.5",
                        "usage.cycle-start-day",
                        "15",
                        "usage.timezone",
                        "America/Denver"))
                .config()
                .orElseThrow()
                .usage();

        assertThat(usage.capBytes()).isEqualTo(1_000_000_000L);
        assertThat(usage.overagePricePerGb()).isEqualByComparingTo("12.50");
        assertThat(usage.cycleStartDay()).isEqualTo(15);
        assertThat(usage.zone()).hasToString("America/Denver");
        assertThat(usage.thresholdsPercent()).containsExactly(50, 80, 100);
    }

    @Test
    void voiceSettingsThatCannotBeAreFieldErrors() {
        ConfigValidator.Result result = validate(Map.of(
                "sbc.transports", "udp:5060, sctp:5060",
                "sbc.media-ports", "20000-10000",
                "sbc.media", "media..example.net",
                "dns.servers", "resolver.example.net",
                "voice.seats", "0",
                "provisioning.url", "http://prov.example.net/phones"));

        assertThat(result.problems())
                .containsOnlyKeys(
                        "sbc.transports",
                        "sbc.media-ports",
                        "sbc.media",
                        "dns.servers",
                        "voice.seats",
                        "provisioning.url");
        assertThat(result.problems().get("sbc.media-ports")).contains("port range");
        assertThat(validate(Map.of("sbc.media-ports", "70000")).problems()).containsKey("sbc.media-ports");
    }

    @Test
    void voiceSettingsAreReadBack() {
        AgentConfig.Voice voice = validate(Map.of(
                        "sbc.transports",
                        "tls:5061",
                        "sbc.media-ports",
                        "10000-20000",
                        "provisioning.url",
                        "https://prov.example.net:8443/phones"))
                .config()
                .orElseThrow()
                .voice();

        assertThat(voice.transports()).containsExactly(new AgentConfig.Transport("tls", 5061));
        assertThat(voice.mediaFromPort()).isEqualTo(10000);
        assertThat(voice.mediaToPort()).isEqualTo(20000);
        assertThat(voice.provisioningHost()).isEqualTo("prov.example.net");
        assertThat(voice.provisioningPort()).isEqualTo(8443);
        assertThat(voice.seats()).isEqualTo(Defaults.VOICE_SEATS);
    }

    @Test
    void modemSettingsThatCannotBeAreFieldErrorsThatNeverEchoThePin() {
        ConfigValidator.Result result = validate(Map.of(
                "lte.apn", "voice example;rm",
                "lte.apn.user", "a\"b",
                "lte.roaming", "sometimes",
                "lte.sim-pin", "12a4"));

        assertThat(result.problems()).containsOnlyKeys("lte.apn", "lte.apn.user", "lte.roaming", "lte.sim-pin");
        assertThat(result.problems().get("lte.apn")).contains("letters, digits, dashes and underscores");
        assertThat(result.problems().get("lte.sim-pin"))
                .isEqualTo("must be 4 to 8 digits")
                .doesNotContain("12a4");
        for (String pin : new String[] {"123", "123456789", "12 34"}) {
            assertThat(validate(Map.of("lte.sim-pin", pin)).problems()).containsKey("lte.sim-pin");
        }
        assertThat(validate(Map.of("lte.apn", "a".repeat(60) + "." + "b".repeat(60)))
                        .problems())
                .containsKey("lte.apn");
    }

    @Test
    void anLteRouterOnEthernetTakesNoApnOrPin() {
        ConfigValidator.Result result =
                validate(Map.of("lte.modem", "ethernet", "lte.apn", "voice.example", "lte.sim-pin", "1234"));

        assertThat(result.problems()).containsOnlyKeys("lte.apn", "lte.sim-pin");
        assertThat(result.problems().get("lte.apn")).contains("not with lte.modem = ethernet");
    }

    @Test
    void modemSettingsAreReadBackAndThePinIsNotPrinted() {
        AgentConfig.Lte lte = validate(Map.of(
                        "lte.apn", "voice.example",
                        "lte.apn.user", "dialtone",
                        "lte.apn.password", "s3cret,x",
                        "lte.roaming", "allowed",
                        "lte.sim-pin", "4321"))
                .config()
                .orElseThrow()
                .lte();

        assertThat(lte.apn()).isEqualTo("voice.example");
        assertThat(lte.apnUser()).isEqualTo("dialtone");
        assertThat(lte.apnPassword().value()).isEqualTo("s3cret,x");
        assertThat(lte.roamingAllowed()).isTrue();
        assertThat(lte.simPin().value()).isEqualTo("4321");
        assertThat(lte.toString()).doesNotContain("4321").doesNotContain("s3cret");
    }

    @Test
    void anEmptyTargetListLeavesNothingToWatchTheLineWith() {

        ConfigSources sources = new ConfigSources(Map.of("DIALTONE_PROBE_TARGETS", " , "), Map.of(), Map.of());

        assertThat(ConfigValidator.validate(sources).problems()).containsKey("probe.targets");
    }

    @Test
    void theFailoverSettingsAreReadBack() {
        AgentConfig config = validate(
                        Map.of("failover.hold-time", "2min", "failover.max-wait", "30min", "probe.down-after", "3"))
                .config()
                .orElseThrow();

        assertThat(config.failover().holdTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.failover().maxWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.failover().maxSwitchesPerHour()).isEqualTo(Defaults.FAILOVER_MAX_SWITCHES_PER_HOUR);
        assertThat(config.probe().downAfterRounds()).isEqualTo(3);
    }

    @Test
    void tlsFilesNeedAnSslUrlAndComeAsAPair(@TempDir Path dir) throws Exception {

        Path cert = Files.writeString(dir.resolve("dev.pem"), "cert");

        ConfigValidator.Result result = validate(
                Map.of("device.id", "dt-1", "mqtt.url", "tcp://broker.example.net", "mqtt.tls.cert", cert.toString()));

        assertThat(result.problems()).containsOnlyKeys("mqtt.url", "mqtt.tls.key");
    }

    @Test
    void theEnvironmentOverridesTheFileAndSaysSoInProblems() {
        ConfigSources sources = new ConfigSources(
                Map.of("DIALTONE_USAGE_CAP", "5GB", "DIALTONE_PROBE_INTERVAL", "soon", "DIALTONE_MQTT_URLL", "x"),
                Map.of("usage.cap", "1GB", "probe.interval", "1s"),
                Map.of());

        ConfigValidator.Result result = ConfigValidator.validate(sources);

        assertThat(result.problems()).containsOnlyKeys("probe.interval");
        assertThat(result.problems().get("probe.interval")).endsWith("(from DIALTONE_PROBE_INTERVAL)");
        assertThat(result.warnings()).containsExactly("DIALTONE_MQTT_URLL");
        ConfigSources valid =
                new ConfigSources(Map.of("DIALTONE_USAGE_CAP", "5GB"), Map.of("usage.cap", "1GB"), Map.of());
        assertThat(ConfigValidator.validate(valid)
                        .config()
                        .orElseThrow()
                        .usage()
                        .capBytes())
                .isEqualTo(5_000_000_000L);
    }

    @Test
    void theSimulatedSiteFillsInInterfacesButTheFileStillWins() {
        ConfigSources sources = new ConfigSources(
                Map.of(), Map.of("uplink.lte.interface", "wwan1"), ConfigValidator.simulatedSiteDefaults());

        AgentConfig config = ConfigValidator.validate(sources).config().orElseThrow();

        assertThat(config.uplinks().primary().interfaceName()).isEqualTo("eth0");
        assertThat(config.uplinks().lte().interfaceName()).isEqualTo("wwan1");
        assertThat(config.device().id()).isEqualTo(Defaults.SIM_DEVICE_ID);
    }

    @Test
    void secretsNeverPrint() {
        AgentConfig config = validate(Map.of("mqtt.username", "dt-1", "mqtt.password", "hunter2-hunter2"))
                .config()
                .orElseThrow();

        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.mqtt().password().value()).isEqualTo("hunter2-hunter2");
    }

    @Test
    void anEnvironmentValueWithAControlCharacterIsRefused() {
        ConfigSources sources = new ConfigSources(Map.of("DIALTONE_SITE_NAME", "Acme\u0007"), Map.of(), Map.of());

        assertThat(ConfigValidator.validate(sources).problems()).containsKey("site.name");
    }

    @Test
    void theFrontPanelIsOffByDefaultOnTheHatsPins() {
        AgentConfig.Gpio gpio = validate(Map.of()).config().orElseThrow().gpio();

        assertThat(gpio).isEqualTo(new AgentConfig.Gpio(false, 5, 6, 13, 19, 26));
    }

    @Test
    void frontPanelPinsAreReadBack() {
        AgentConfig.Gpio gpio = validate(Map.of(
                        "gpio.enabled", "true",
                        "gpio.led.health", "17",
                        "gpio.led.uplink", "27",
                        "gpio.led.signal", "22",
                        "gpio.led.e911", "0",
                        "gpio.button", "4"))
                .config()
                .orElseThrow()
                .gpio();

        assertThat(gpio).isEqualTo(new AgentConfig.Gpio(true, 17, 27, 22, 0, 4));
    }

    @Test
    void everyBadOrSharedPinIsReportedAtOnce() {
        ConfigValidator.Result result = validate(Map.of(
                "gpio.enabled", "yes",
                "gpio.led.health", "28",
                "gpio.led.uplink", "13",
                "gpio.led.e911", "GPIO19",
                "gpio.button", "13"));

        assertThat(result.problems())
                .containsOnlyKeys("gpio.enabled", "gpio.led.health", "gpio.led.signal", "gpio.led.e911", "gpio.button");
        assertThat(result.problems().get("gpio.enabled")).contains("false, true");
        assertThat(result.problems().get("gpio.led.health")).contains("0 to 27");
        assertThat(result.problems().get("gpio.led.signal")).isEqualTo("GPIO 13 is already gpio.led.uplink (default)");
        assertThat(result.problems().get("gpio.button")).isEqualTo("GPIO 13 is already gpio.led.uplink");
    }
}
