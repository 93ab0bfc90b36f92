package dialtone.agent.config;

import dialtone.hal.net.ProbeTarget;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's configuration: an immutable tree, built only by {@link ConfigValidator} so that every
 * instance is valid. Optional text values are empty strings, never null.
 */
public record AgentConfig(
        Device device,
        Site site,
        Uplinks uplinks,
        Lan lan,
        Lte lte,
        Sbc sbc,
        Voice voice,
        Probe probe,
        Failover failover,
        Usage usage,
        E911 e911,
        Mqtt mqtt,
        Notifications notifications,
        Gpio gpio) {

    public AgentConfig {
        Objects.requireNonNull(device);
        Objects.requireNonNull(site);
        Objects.requireNonNull(uplinks);
        Objects.requireNonNull(lan);
        Objects.requireNonNull(lte);
        Objects.requireNonNull(sbc);
        Objects.requireNonNull(voice);
        Objects.requireNonNull(probe);
        Objects.requireNonNull(failover);
        Objects.requireNonNull(usage);
        Objects.requireNonNull(mqtt);
        Objects.requireNonNull(notifications);
        Objects.requireNonNull(gpio);
    }

    /** @param id lowercase {@code [a-z0-9-]}: the MQTT client id and certificate CN */
    public record Device(String id) {}

    public record Site(String name) {}

    /** @param lldpSocket lldpd's control socket; "" for lldpd's default */
    public record E911(String lldpSocket) {}

    public record Uplinks(Uplink primary, Uplink lte) {
        /** True when a box knows which interfaces to drive (never guessed on real hardware). */
        public boolean configured() {
            return !primary.interfaceName().isEmpty() && !lte.interfaceName().isEmpty();
        }
    }

    /** @param gateway an address literal, or empty to take it from the kernel's routes */
    public record Uplink(String interfaceName, String gateway) {}

    public record Lan(String interfaceName) {}

    /**
     * @param modem {@code modemmanager}, {@code at} or {@code ethernet}
     * @param apn the carrier's APN, "" for the modem's own profile
     * @param simPin the SIM's PIN, offered once per SIM ({@link Secret#NONE} when the SIM has none)
     */
    public record Lte(
            String modem,
            String modemPort,
            String apn,
            String apnUser,
            Secret apnPassword,
            boolean roamingAllowed,
            Secret simPin) {}

    public record Sbc(List<String> hosts) {
        public Sbc {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * Health probes of the primary, and the rare one of LTE.
     *
     * @param downAfterRounds bad rounds in a row that make the line down
     * @param quorum targets that must answer for a round to be good
     * @param windowRounds rounds over which loss and latency are judged
     * @param lteInterval time between SIP OPTIONS to the SBC over LTE in standby
     */
    /**
     * What may use LTE besides the SBCs' signalling, and how many calls are normal.
     *
     * @param transports SIP transports and ports to the SBCs (TLS is TCP to the firewall)
     * @param mediaHosts the SBCs' media addresses or names; empty means the SBCs themselves
     * @param mediaFromPort with {@code mediaToPort}: the RTP ports media may go to
     * @param dnsServers resolvers the LAN may use over LTE; empty means the box's own
     * @param ntpServers NTP servers; empty means any (NTP is a few hundred bytes a day)
     * @param seats concurrent calls the site has lines for; more media flows raise an event
     * @param provisioningHost the phones' provisioning server (HTTPS), or empty
     */
    public record Voice(
            List<Transport> transports,
            List<String> mediaHosts,
            int mediaFromPort,
            int mediaToPort,
            List<String> dnsServers,
            List<String> ntpServers,
            int seats,
            String provisioningHost,
            int provisioningPort) {
        public Voice {
            transports = List.copyOf(transports);
            mediaHosts = List.copyOf(mediaHosts);
            dnsServers = List.copyOf(dnsServers);
            ntpServers = List.copyOf(ntpServers);
        }
    }

    /** @param protocol {@code udp}, {@code tcp} or {@code tls} */
    public record Transport(String protocol, int port) {}

    public record Probe(
            List<ProbeTarget> targets,
            Duration interval,
            Duration timeout,
            int downAfterRounds,
            int quorum,
            int windowRounds,
            int lossThresholdPercent,
            Duration latencyThreshold,
            Duration lteInterval) {
        public Probe {
            targets = List.copyOf(targets);
        }
    }

    /**
     * When to switch.
     *
     * @param holdTime how long the primary must be healthy before failback (doubles per recent flap)
     * @param maxWait longest failback waits for active calls to end
     */
    public record Failover(Duration holdTime, Duration maxWait, int maxSwitchesPerHour) {}

    /**
     * The LTE plan and its meter.
     *
     * @param capBytes the monthly cap, in decimal bytes as carriers bill
     * @param cycleStartDay the day of the month a billing cycle starts (1: calendar months); a day
     *     a month does not have means its last day
     * @param overagePricePerGb what each extra GB (or part of one) costs, in the plan's currency
     * @param thresholdsPercent shares of the cap that raise an event once per cycle; past 100 % every
     *     further GB does too
     * @param zone the time zone the carrier bills in (the site's)
     * @param interval how often the LTE counters are read into the ledger
     * @param codec {@code g711}, {@code g729} or {@code opus}: for talk minutes left
     * @param atCap {@code alert} or {@code restrict} (also pause the agent's own telemetry on LTE)
     */
    public record Usage(
            long capBytes,
            int cycleStartDay,
            BigDecimal overagePricePerGb,
            List<Integer> thresholdsPercent,
            ZoneId zone,
            Duration interval,
            String codec,
            String atCap) {
        public Usage {
            thresholdsPercent = List.copyOf(thresholdsPercent);
        }
    }

    /** @param url empty when remote management is off; else {@code tcp://} or {@code ssl://host:port} */
    /**
     * Remote management; off when {@code url} is empty.
     *
     * @param issuers who may send commands (the envelope's {@code iss}); none: every command is refused
     * @param commandKey the operations team's Ed25519 public key (PEM) that signs dangerous commands
     * @param signedCommands the commands that must carry that signature
     * @param keepAlivePrimary the MQTT keepalive while the agent's traffic goes over the primary
     * @param keepAliveLte the keepalive over LTE: each one costs bytes on the plan
     * @param willDelay how long the broker waits before announcing a lost device (a failover's reconnect fits)
     * @param lteBudgetBytes the agent's own MQTT bytes over LTE per billing cycle
     * @param telemetryOnLte whether telemetry batches may go over LTE (else they wait for the primary)
     * @param telemetryEvery how often the site is sampled
     * @param telemetryBatch how often the samples go out, as one message
     */
    public record Mqtt(
            String url,
            String username,
            Secret password,
            Path tlsCa,
            Path tlsCert,
            Path tlsKey,
            java.util.List<String> issuers,
            Path commandKey,
            java.util.Set<String> signedCommands,
            Duration keepAlivePrimary,
            Duration keepAliveLte,
            Duration willDelay,
            long lteBudgetBytes,
            boolean telemetryOnLte,
            Duration telemetryEvery,
            Duration telemetryBatch) {}

    /**
     * E-mail to the customer and the provider's support.
     *
     * @param security {@code starttls}, {@code tls} (implicit) or {@code none}
     * @param customerCategories which kinds of notice each audience gets: {@code failover},
     *     {@code usage}, {@code e911}, {@code modem}, {@code security}
     * @param coalesce notices of one kind within this window after the first go out as one summary
     */
    public record Notifications(
            String smtpHost,
            int smtpPort,
            String security,
            String username,
            Secret password,
            String from,
            List<String> customer,
            List<String> support,
            Set<String> customerCategories,
            Set<String> supportCategories,
            Duration coalesce) {
        public Notifications {
            customer = List.copyOf(customer);
            support = List.copyOf(support);
            customerCategories = Set.copyOf(customerCategories);
            supportCategories = Set.copyOf(supportCategories);
        }

        public boolean enabled() {
            return !smtpHost.isEmpty() && (!customer.isEmpty() || !support.isEmpty());
        }
    }

    /**
     * The front panel's LEDs and button on GPIO: BCM pin numbers, each used once.
     *
     * @param enabled false on a box without the front panel (and always in the simulated world)
     */
    public record Gpio(boolean enabled, int health, int uplink, int signal, int e911, int button) {}
}
