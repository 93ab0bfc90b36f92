package dialtone.agent.e911;

import dialtone.agent.events.EventLog;
import dialtone.agent.runtime.Periodic;
import dialtone.agent.runtime.Service;
import dialtone.hal.HalException;
import dialtone.hal.lldp.Lldp;
import java.time.Duration;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Offers the registered location to the phones by LLDP-MED: at once when it changes, and again
 * every few minutes (an LLDP daemon restarted since has forgotten it). A failure is one event,
 * then quiet until it works again; it never touches calls.
 */
public final class LocationAdvertiser implements Service {
    static final Duration AGAIN = Duration.ofMinutes(10);

    private final LocationService locations;
    private final Lldp lldp;
    private final String siteName;
    private final EventLog events;
    private final Periodic repeats;
    private boolean failing;

    public LocationAdvertiser(LocationService locations, Lldp lldp, String siteName, EventLog events) {
        this.locations = locations;
        this.lldp = lldp;
        this.siteName = siteName;
        this.events = events;
        this.repeats = new Periodic("lldp-location", Duration.ZERO, AGAIN, Duration.ofSeconds(2), this::advertise);
        locations.onRegistered(location -> advertise());
    }

    @Override
    public String name() {
        return "911 location advertiser";
    }

    @Override
    public void start() {
        repeats.start();
    }

    @Override
    public void stop() {
        repeats.stop();
    }

    /** Never throws: it runs on the periodic thread and on whoever registered a location. */
    synchronized void advertise() {
        try {
            locations
                    .view()
                    .registered()
                    .ifPresent(entry -> lldp.advertise(entry.location().civic(siteName)));
            if (failing) {
                failing = false;
                events.append(
                        "lldp-location-restored",
                        "info",
                        "The 911 location is offered to the phones again (LLDP-MED)",
                        Map.of());
            }
        } catch (HalException e) {
            if (!failing) {
                failing = true;
                events.append(
                        "lldp-location-failed",
                        "warning",
                        "The 911 location cannot be offered to the phones by LLDP-MED: " + e.getMessage(),
                        Map.of("error", e.getMessage()));
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Bug while offering the 911 location by LLDP");
        }
    }
}
