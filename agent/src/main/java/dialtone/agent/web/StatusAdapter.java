package dialtone.agent.web;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.failover.UplinkHealth;
import dialtone.agent.failover.UplinkMonitor;
import dialtone.agent.modem.ModemWatch;
import dialtone.agent.store.Settings;
import dialtone.hal.Uplink;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.Signal;
import dialtone.hal.route.Routes;
import dialtone.web.port.Status;
import dialtone.web.port.StatusView;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the dashboard's {@link Status} from what the services already hold; nothing here waits
 * on the network or the modem. Parts whose features are not built yet say so honestly: no usage
 * figure ({@code null}), no 911 location ({@code missing}), no MQTT client (not connected).
 */
public final class StatusAdapter implements StatusView {
    public static final String MODE_KEY = "failover.mode";

    private final AgentConfig config;
    private final boolean simulated;
    private final UplinkMonitor primary;
    private final ModemWatch modem;
    private final Routes routes;
    private final Settings settings;

    public StatusAdapter(
            AgentConfig config,
            boolean simulated,
            UplinkMonitor primary,
            ModemWatch modem,
            Routes routes,
            Settings settings) {
        this.config = config;
        this.simulated = simulated;
        this.primary = primary;
        this.modem = modem;
        this.routes = routes;
        this.settings = settings;
    }

    @Override
    public Status status() {
        Optional<Uplink> active = routes.active();
        return new Status(
                new Status.Site(config.site().name(), config.device().id()),
                simulated,
                active.map(Uplink::id).orElse("none"),
                settings.get(MODE_KEY).orElse("auto"),
                primary(primary.health()),
                lte(modem.status(), active.filter(Uplink.LTE::equals).isPresent()),
                new Status.Usage(null, config.usage().capBytes()),
                new Status.E911("missing"),
                new Status.Mqtt(false));
    }

    private static Status.Primary primary(UplinkHealth health) {
        return new Status.Primary(
                lower(health.state()),
                health.lossPercent(),
                health.latency() == null ? null : health.latency().toMillis(),
                health.lastRound() == null ? null : health.lastRound().toString());
    }

    private static Status.Lte lte(ModemStatus modem, boolean carrying) {
        String state =
                carrying ? "active" : modem.registered() && modem.signal().bars() > 0 ? "standby" : "unavailable";
        Signal signal = modem.signal();
        return new Status.Lte(
                state,
                new Status.Signal(signal.bars(), signal.rsrpDbm(), signal.rsrqDb(), signal.sinrDb()),
                modem.present() ? lower(modem.registration()) : "no modem",
                modem.operator(),
                modem.accessTechnology());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
