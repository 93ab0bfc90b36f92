package dialtone.agent.voip;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Service;
import dialtone.agent.runtime.Threads;
import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Flows;
import dialtone.hal.firewall.Ruleset;
import dialtone.hal.net.Resolver;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * Keeps the voice-only policy in force: resolves the allowed names (again when their TTLs run
 * out), renders {@link VoipOnlyPolicy} and applies it when it changed. A failed apply leaves the
 * previous ruleset in force (the firewall applies all or nothing) and is reported. Every minute it
 * also watches for SIP scanning and for more calls than the site has seats.
 */
public final class FirewallService implements Service {
    static final Duration WATCH = Duration.ofMinutes(1);
    static final long SCANS_PER_MINUTE = 10;
    static final Duration SCAN_REPORT_GAP = Duration.ofMinutes(15);
    static final Duration VOLUME_REPORT_GAP = Duration.ofHours(1);
    private static final Pattern MQTT_URL = Pattern.compile("\\w+://\\[?([^\\]]+?)\\]?:(\\d+)");

    /** What the service drives and reads. */
    public record Ports(Firewall firewall, Flows flows, Resolver resolver) {}

    private final AgentConfig config;
    private final Ports ports;
    private final EventLog events;
    private final Clock clock;
    private final AddressBook book;
    private volatile PolicyAddresses addresses;
    private volatile Map<String, Counter> counters = Map.of();
    private volatile List<Firewall.Blocked> blocked = List.of();
    private volatile boolean applied;
    private boolean resolutionFailing;
    private Map<String, Long> lastScans = new HashMap<>();
    private Instant lastScanReport = Instant.EPOCH;
    private Instant lastVolumeReport = Instant.EPOCH;
    private ScheduledExecutorService owner;

    public FirewallService(AgentConfig config, Ports ports, EventLog events, Clock clock) {
        this.config = config;
        this.ports = ports;
        this.events = events;
        this.clock = clock;
        this.book = new AddressBook(ports.resolver());
    }

    @Override
    public String name() {
        return "voice-only firewall";
    }

    @Override
    public synchronized void start() {
        if (owner == null) {
            owner = Threads.owner("voice-policy");
            owner.execute(this::refresh);
            owner.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (owner != null) {
            Threads.shutdown(owner, Duration.ofSeconds(3));
            owner = null;
        }
    }

    /** Whether a policy is in force, and the addresses it allows (null before the first). */
    public boolean applied() {
        return applied;
    }

    public PolicyAddresses addresses() {
        return addresses;
    }

    /** Never throws: it reschedules itself. */
    void refresh() {
        Duration next = AddressBook.MIN_REFRESH;
        try {
            AddressBook.Pass pass = book.resolve(Set.copyOf(config.sbc().hosts()), plainNames(), clock.instant());
            reportResolution(pass);
            PolicyAddresses resolved = addresses(pass);
            apply(VoipOnlyPolicy.render(config.voice(), resolved), resolved);
            next = pass.refreshIn();
        } catch (RuntimeException e) {
            Logger.error(e, "Bug refreshing the voice policy; it goes on");
        } finally {
            ScheduledExecutorService running = owner;
            if (running != null && !running.isShutdown()) {
                running.schedule(this::refresh, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void apply(Ruleset ruleset, PolicyAddresses resolved) {
        if (applied && ruleset.equals(ports.firewall().active())) {
            return;
        }
        try {
            long started = System.nanoTime();
            ports.firewall().apply(ruleset);
            long applyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            applied = true;
            addresses = resolved;
            events.append(
                    "policy-applied",
                    resolved.sbcs().isEmpty() ? "warning" : "info",
                    "Voice-only policy in force on LTE: "
                            + (resolved.sbcs().isEmpty()
                                    ? "SBC addresses unknown, so SIP and media may go to any address"
                                    : resolved.sbcs().size() + " SBC address(es)")
                            + ", " + ruleset.rules().size() + " rules",
                    Map.of(
                            "sbcAddresses",
                            resolved.sbcs().stream()
                                    .map(InetAddress::getHostAddress)
                                    .sorted()
                                    .toList(),
                            "rules",
                            ruleset.rules().size(),
                            "applyMillis",
                            applyMillis));

        } catch (HalException e) {
            events.append(
                    "policy-apply-failed",
                    "error",
                    "The voice-only policy could not be applied (" + e.getMessage()
                            + "); the previous one stays in force",
                    Map.of("error", e.getMessage()));
        }
    }

    private void reportResolution(AddressBook.Pass pass) {
        if (!pass.failures().isEmpty() && !resolutionFailing) {
            events.append(
                    "sbc-resolution-failed",
                    "warning",
                    "Cannot resolve " + String.join("; ", pass.failures()) + ": the last known addresses stay allowed",
                    Map.of("failures", pass.failures()));
        } else if (pass.failures().isEmpty() && resolutionFailing) {
            events.append("sbc-resolution-ok", "info", "The provider's names resolve again", Map.of());
        }
        resolutionFailing = !pass.failures().isEmpty();
    }

    private Set<String> plainNames() {
        Set<String> names = new LinkedHashSet<>(config.voice().mediaHosts());
        names.addAll(config.voice().ntpServers());
        mqttHost().ifPresent(names::add);
        if (config.notifications().enabled()) {
            names.add(config.notifications().smtpHost());
        }
        if (!config.voice().provisioningHost().isEmpty()) {
            names.add(config.voice().provisioningHost());
        }
        return names;
    }

    private PolicyAddresses addresses(AddressBook.Pass pass) {
        Set<InetAddress> dns = new LinkedHashSet<>();
        if (config.voice().dnsServers().isEmpty()) {
            dns.addAll(ports.resolver().servers());
        } else {
            config.voice().dnsServers().forEach(server -> dns.addAll(of(pass, server)));
        }
        Set<Integer> sipPorts = new LinkedHashSet<>();
        Set<InetAddress> sbcs = new LinkedHashSet<>();
        for (String host : config.sbc().hosts()) {
            AddressBook.Lookup lookup = pass.names().get(host);
            if (lookup != null) {
                sbcs.addAll(lookup.addresses());
                sipPorts.addAll(lookup.ports());
            }
        }
        Set<InetAddress> media = new LinkedHashSet<>();
        config.voice().mediaHosts().forEach(host -> media.addAll(of(pass, host)));
        Set<InetAddress> ntp = new LinkedHashSet<>();
        config.voice().ntpServers().forEach(host -> ntp.addAll(of(pass, host)));
        Set<InetAddress> mqtt = mqttHost().map(host -> of(pass, host)).orElse(Set.of());
        Set<InetAddress> provisioning = config.voice().provisioningHost().isEmpty()
                ? Set.of()
                : of(pass, config.voice().provisioningHost());
        Set<InetAddress> smtp = config.notifications().enabled()
                ? of(pass, config.notifications().smtpHost())
                : Set.of();
        return new PolicyAddresses(
                sbcs,
                media,
                sipPorts,
                dns,
                ntp,
                mqtt,
                mqttPort(),
                provisioning,
                smtp,
                config.notifications().smtpPort());
    }

    private static Set<InetAddress> of(AddressBook.Pass pass, String name) {
        AddressBook.Lookup lookup = pass.names().get(name);
        if (lookup != null) {
            return lookup.addresses();
        }
        try {
            return Set.of(InetAddress.getByName(name)); // a literal not looked up
        } catch (java.net.UnknownHostException e) {
            return Set.of();
        }
    }

    private java.util.Optional<String> mqttHost() {
        Matcher m = MQTT_URL.matcher(config.mqtt().url());
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private int mqttPort() {
        Matcher m = MQTT_URL.matcher(config.mqtt().url());
        return m.matches() ? Integer.parseInt(m.group(2)) : 8883;
    }

    /** Never throws: an exception escaping a periodic task would silently end the watch. */
    void watch() {
        try {
            watchScans();
            watchCallVolume();
        } catch (HalException e) {
            Logger.debug("Cannot read the firewall's counters: {}", e.getMessage());
        } catch (RuntimeException e) {
            Logger.error(e, "Bug watching the voice policy; it goes on");
        }
    }

    private void watchScans() {
        counters = ports.firewall().ruleCounters();
        blocked = ports.firewall().recentlyBlocked();
        Map<String, Long> now = new HashMap<>();
        long newScans = 0;
        for (Uplink uplink : Uplink.values()) {
            String name = VoipOnlyPolicy.sipScanCounter(uplink);
            long packets = counters.getOrDefault(name, Counter.ZERO).packets();
            now.put(name, packets);
            newScans += Math.max(0, packets - lastScans.getOrDefault(name, packets));
        }
        lastScans = now;
        Instant at = clock.instant();
        if (newScans >= SCANS_PER_MINUTE && lastScanReport.plus(SCAN_REPORT_GAP).isBefore(at)) {
            lastScanReport = at;
            events.append(
                    "sip-scanning",
                    "warning",
                    newScans + " SIP requests from outside the provider were dropped "
                            + "in the last minute: someone is scanning for phones to hijack",
                    Map.of("perMinute", newScans));
        }
    }

    private void watchCallVolume() {
        int flows = ports.flows().activeMediaFlows();
        Instant at = clock.instant();
        if (flows > config.voice().seats()
                && lastVolumeReport.plus(VOLUME_REPORT_GAP).isBefore(at)) {
            lastVolumeReport = at;
            events.append(
                    "unusual-call-volume",
                    "warning",
                    flows + " media flows at once, more than the site's "
                            + config.voice().seats() + " seats: possible toll fraud or traffic pumping",
                    Map.of("mediaFlows", flows, "seats", config.voice().seats()));
        }
    }

    /** The rule counters as of the last watch: packets allowed and blocked by category, since start. */
    public Map<String, Counter> counters() {
        return counters;
    }

    /** Where LTE traffic was stopped in the last hour, as of the last watch. */
    public List<Firewall.Blocked> recentlyBlocked() {
        return blocked;
    }
}
