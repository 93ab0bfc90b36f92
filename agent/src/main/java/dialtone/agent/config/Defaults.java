package dialtone.agent.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every default of the agent, in one place. The configuration reference cites these. */
public final class Defaults {
    private Defaults() {}

    // command line
    public static final Path CONFIG_FILE = Path.of("/etc/dialtone/agent.conf");
    public static final Path DATA_DIR = Path.of("/var/lib/dialtone");
    public static final Path SIM_DATA_DIR = Path.of("dialtone-data");
    /** The demo's plain HTTP, on loopback only. */
    public static final int HTTP_PORT = 8080;

    public static final String HTTP_HOST = "127.0.0.1";
    /** On a box: HTTPS for the LAN, and the HTTP port that only redirects to it. */
    public static final int LAN_HTTPS_PORT = 443;

    public static final int LAN_HTTP_PORT = 80;

    // device and site
    public static final String SIM_DEVICE_ID = "sim";
    public static final String SIM_SITE_NAME = "Simulated site";

    // interfaces (only the simulated site has defaults; a real box must be provisioned)
    public static final String SIM_PRIMARY_INTERFACE = "eth0";
    public static final String SIM_LTE_INTERFACE = "wwan0";
    public static final String SIM_LAN_INTERFACE = "eth1";
    public static final String SIM_SBC_HOST = "sbc.example.net";
    public static final String LTE_MODEM = "modemmanager";

    // what may use LTE
    public static final List<String> SIP_TRANSPORTS = List.of("udp:5060", "tcp:5060", "tls:5061");
    public static final String MEDIA_PORTS = "1024-65535";
    public static final int VOICE_SEATS = 10;

    // probing the primary
    public static final List<String> PROBE_TARGETS = List.of("icmp:1.1.1.1", "icmp:8.8.8.8", "dns:9.9.9.9");
    public static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(400);
    /** Rounds in a row in which fewer than the quorum answered: the line is down (~1.2 s). */
    public static final int PROBE_DOWN_AFTER = 2;
    /** Targets that must answer for a round to count as good (mwan3's "reliability"). */
    public static final int PROBE_QUORUM = 1;
    /** Rounds over which loss and latency are judged (20 s at the default interval). */
    public static final int PROBE_WINDOW = 40;
    /** Loss over the window at which the line is too bad for voice; 10 % random loss stays below. */
    public static final int PROBE_LOSS_THRESHOLD_PERCENT = 30;

    public static final Duration PROBE_LATENCY_THRESHOLD = Duration.ofMillis(500);
    /** The one data probe of the LTE line in standby: a SIP OPTIONS to the SBC (~1 KB). */
    public static final Duration PROBE_LTE_INTERVAL = Duration.ofHours(1);

    // failover decisions
    /** How long the primary must stay healthy before failback; grows when it flaps. */
    public static final Duration FAILOVER_HOLD_TIME = Duration.ofSeconds(60);
    /** Longest failback waits for calls to end once everything else allows it. */
    public static final Duration FAILOVER_MAX_WAIT = Duration.ofMinutes(20);

    public static final int FAILOVER_MAX_SWITCHES_PER_HOUR = 6;

    // the LTE plan and its meter
    public static final long USAGE_CAP_BYTES = 2_000_000_000L;
    public static final int USAGE_CYCLE_START_DAY = 1;
    public static final BigDecimal USAGE_OVERAGE_PRICE_PER_GB = new BigDecimal("15.00");
    public static final List<String> USAGE_THRESHOLDS_PERCENT = List.of("50", "80", "100");
    /** Counters are read this often; a crash or power cut loses at most one interval. */
    public static final Duration USAGE_INTERVAL = Duration.ofSeconds(30);

    public static final String USAGE_CODEC = "g711";
    public static final String USAGE_AT_CAP = "alert";
    /** LTE use with a healthy primary past this is "backup used as primary". */
    public static final Duration USAGE_MISUSE_GRACE = Duration.ofMinutes(5);

    // remote management and mail
    public static final int MQTT_TCP_PORT = 1883;
    public static final int MQTT_TLS_PORT = 8883;
    /** Over the primary a lost broker connection is noticed within about two minutes. */
    public static final Duration MQTT_KEEPALIVE_PRIMARY = Duration.ofSeconds(60);
    /**
     * Over LTE each keepalive costs about 220 bytes (research/anchors-mqtt.md §4): 15 min is under
     * 25 KB a day, and inside the idle timeout of carriers' NAT we know of.
     */
    public static final Duration MQTT_KEEPALIVE_LTE = Duration.ofMinutes(15);
    /** A failover's reconnect (seconds) does not show the device offline on dashboards. */
    public static final Duration MQTT_WILL_DELAY = Duration.ofSeconds(60);
    /** The agent's own MQTT traffic over LTE per billing cycle (issue 8: at most 1 MB a month in standby). */
    public static final long MQTT_LTE_BUDGET_BYTES = 2_000_000;
    /** A sample of the site (signal, loss, usage, calls) every five minutes: 288 a day. */
    public static final Duration MQTT_TELEMETRY_EVERY = Duration.ofMinutes(5);
    /** The samples go out together every half hour: framing, not data, dominates small messages. */
    public static final Duration MQTT_TELEMETRY_BATCH = Duration.ofMinutes(30);
    /** The remote commands the agent knows. */
    public static final List<String> COMMANDS = List.of(
            "get-status",
            "get-config",
            "set-config",
            "set-mode",
            "failover-test",
            "modem-reset",
            "get-events",
            "set-location",
            "confirm-location");
    /** The commands that change what the site does: refused unless signed with the command key. */
    public static final List<String> SIGNED_COMMANDS =
            List.of("set-config", "set-mode", "failover-test", "modem-reset", "set-location", "confirm-location");

    public static final int SMTP_PORT = 587;
    public static final List<String> NOTICE_CATEGORIES = List.of("failover", "usage", "e911", "modem", "security");
    public static final List<String> CUSTOMER_NOTICES = List.of("failover", "usage", "e911");
    public static final List<String> SUPPORT_NOTICES = NOTICE_CATEGORIES;
    public static final Duration NOTIFY_COALESCE = Duration.ofMinutes(10);

    // the front panel on a Pi 4/5 HAT (BCM numbers; header pins 29, 31, 33, 35 and 37)
    public static final int GPIO_LED_HEALTH = 5;
    public static final int GPIO_LED_UPLINK = 6;
    public static final int GPIO_LED_SIGNAL = 13;
    public static final int GPIO_LED_E911 = 19;
    public static final int GPIO_BUTTON = 26;
}
