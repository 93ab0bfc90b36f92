package dialtone.agent.config;

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
    public static final int SIM_HTTP_PORT = 8080;
    public static final String SIM_HTTP_HOST = "127.0.0.1";

    // device and site
    public static final String SIM_DEVICE_ID = "sim";
    public static final String SIM_SITE_NAME = "Simulated site";

    // interfaces (only the simulated site has defaults; a real box must be provisioned)
    public static final String SIM_PRIMARY_INTERFACE = "eth0";
    public static final String SIM_LTE_INTERFACE = "wwan0";
    public static final String SIM_LAN_INTERFACE = "eth1";
    public static final String SIM_SBC_HOST = "sbc.example.net";
    public static final String LTE_MODEM = "modemmanager";

    // probing the primary
    public static final List<String> PROBE_TARGETS = List.of("icmp:1.1.1.1", "icmp:8.8.8.8", "dns:9.9.9.9");
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);

    // the LTE plan
    public static final long USAGE_CAP_BYTES = 2_000_000_000L;

    // remote management and mail
    public static final int MQTT_TCP_PORT = 1883;
    public static final int MQTT_TLS_PORT = 8883;
    public static final int SMTP_PORT = 587;
}
