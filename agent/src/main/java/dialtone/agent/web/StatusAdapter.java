package dialtone.agent.web;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.e911.LocationService;
import dialtone.agent.failover.FailoverController;
import dialtone.agent.failover.FailoverState;
import dialtone.agent.failover.LteCheck;
import dialtone.agent.failover.UplinkHealth;
import dialtone.agent.failover.UplinkMonitor;
import dialtone.agent.modem.AntennaVerdict;
import dialtone.agent.modem.ModemWatch;
import dialtone.agent.notify.Notifier;
import dialtone.agent.usage.UsageMeter;
import dialtone.agent.usage.UsageSummary;
import dialtone.agent.voip.FirewallService;
import dialtone.hal.Uplink;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.Signal;
import dialtone.web.port.Status;
import dialtone.web.port.StatusView;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds the dashboard's {@link Status} from what the services already hold; nothing here waits
 * on the network, the modem or the database. Parts whose features are not built yet say so
 * honestly: no 911 location ({@code missing}), no broker connection.
 */
public final class StatusAdapter implements StatusView {

    /** The services the status reads. */
    public record Sources(
            FailoverController failover,
            UplinkMonitor primary,
            ModemWatch modem,
            LteCheck lteCheck,
            UsageMeter usage,
            FirewallService firewall,
            LocationService location,
            Notifier notifier,
            Supplier<Status.Mqtt> mqtt) {}

    private final AgentConfig config;
    private final boolean simulated;
    private final Sources sources;

    public StatusAdapter(AgentConfig config, boolean simulated, Sources sources) {
        this.config = config;
        this.simulated = simulated;
        this.sources = sources;
    }

    @Override
    public Status status() {
        FailoverState failover = sources.failover().state();
        Uplink active = failover.phase().uplink();
        return new Status(
                new Status.Site(config.site().name(), config.device().id()),
                simulated,
                active.id(),
                failover.mode().id(),
                new Status.Failover(
                        lower(failover.phase()),
                        failover.reason(),
                        failover.since().toString(),
                        failover.mediaFlows()),
                primary(sources.primary().health()),
                lte(sources.modem(), active == Uplink.LTE, sources.lteCheck().last()),
                usage(sources.usage().summary()),
                policy(sources.firewall()),
                new Status.E911(sources.location().status().name().toLowerCase(Locale.ROOT)),
                sources.mqtt().get(),
                notify(sources.notifier().state()));
    }

    private static Status.Notify notify(Notifier.State state) {
        return new Status.Notify(
                state.enabled(),
                state.pending(),
                state.lastError(),
                state.lastSentAt() == null ? null : state.lastSentAt().toString());
    }

    private static Status.Policy policy(FirewallService firewall) {
        Map<String, Long> packets = new TreeMap<>();
        firewall.counters().forEach((name, counter) -> packets.merge(name, counter.packets(), Long::sum));
        return new Status.Policy(
                firewall.applied(),
                firewall.addresses() == null ? 0 : firewall.addresses().sbcs().size(),
                packets,
                firewall.recentlyBlocked().stream()
                        .limit(10)
                        .map(b -> new Status.Blocked(b.destination().getHostAddress(), b.packets()))
                        .toList());
    }

    private static Status.Usage usage(UsageSummary s) {
        return new Status.Usage(
                s.usedBytes(), s.capBytes(), Math.round(s.percent() * 10) / 10.0, s.forecastBytes(), s.minutesLeft());
    }

    private static Status.Primary primary(UplinkHealth health) {
        return new Status.Primary(
                lower(health.state()),
                health.lossPercent(),
                health.latency() == null ? null : health.latency().toMillis(),
                health.lastRound() == null ? null : health.lastRound().toString());
    }

    private static Status.Lte lte(ModemWatch watch, boolean carrying, LteCheck.Result check) {
        ModemStatus modem = watch.status();
        String state = carrying ? "active" : modem.ready() ? "standby" : "unavailable";
        Signal signal = modem.signal();
        return new Status.Lte(
                state,
                new Status.Signal(signal.bars(), signal.rsrpDbm(), signal.rsrqDb(), signal.sinrDb()),
                modem.present() ? lower(modem.registration()) : "no modem",
                modem.operator(),
                modem.accessTechnology(),
                check == null
                        ? null
                        : new Status.Check(
                                check.at().toString(),
                                check.answered(),
                                check.rtt() == null ? null : check.rtt().toMillis()),
                modem(modem, watch.silence()),
                antenna(signal));
    }

    private static Status.Modem modem(ModemStatus modem, String silence) {
        ModemStatus.CellId cell = modem.cell();
        ModemStatus.Position position = modem.position();
        return new Status.Modem(
                lower(modem.sim().state()),
                modem.sim().pinRetries(),
                modem.imei(),
                modem.sim().iccid(),
                modem.sim().imsi(),
                modem.bearer().apn(),
                modem.bearer().address(),
                cell == null ? null : cell.cellId(),
                cell == null ? null : cell.tac(),
                position == null ? null : position.latitude(),
                position == null ? null : position.longitude(),
                silence);
    }

    private static Status.Antenna antenna(Signal signal) {
        AntennaVerdict verdict = AntennaVerdict.of(signal);
        return new Status.Antenna(verdict.calls(), verdict.words());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
