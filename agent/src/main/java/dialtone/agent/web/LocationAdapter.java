package dialtone.agent.web;

import dialtone.agent.e911.Location;
import dialtone.agent.e911.LocationEntry;
import dialtone.agent.e911.LocationService;
import dialtone.agent.e911.PidfLo;
import dialtone.web.port.LocationControls;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** The 911 location service, as the installer's page and the API show it. */
public final class LocationAdapter implements LocationControls {
    private final LocationService service;
    private final String deviceId;
    private final String siteName;
    private final Clock clock;

    public LocationAdapter(LocationService service, String deviceId, String siteName, Clock clock) {
        this.service = service;
        this.deviceId = deviceId;
        this.siteName = siteName;
        this.clock = clock;
    }

    @Override
    public LocationReport location() {
        return report(service.view());
    }

    @Override
    public Outcome register(Map<String, Object> fields, String by) {
        LocationService.Change change = service.register(Location.of(fields), by, "web");
        return new Outcome(report(change.view()), change.problems());
    }

    @Override
    public Outcome confirm(String by) {
        LocationService.Change change = service.confirm(by, "web");
        return new Outcome(report(change.view()), change.problems());
    }

    /** Stages a location sent from afar (operations, over MQTT) for confirmation on site. */
    public Outcome propose(Map<String, Object> fields, String by) {
        LocationService.Change change = service.propose(Location.of(fields), by, "mqtt");
        return new Outcome(report(change.view()), change.problems());
    }

    /** Operations confirm from afar, having spoken with the customer. */
    public Outcome confirmRemotely(String by) {
        LocationService.Change change = service.confirm(by, "mqtt");
        return new Outcome(report(change.view()), change.problems());
    }

    private LocationReport report(LocationService.View view) {
        String status = view.status().name().toLowerCase(Locale.ROOT);
        Map<String, Object> proposed =
                view.proposed().map(p -> p.location().fields()).orElse(null);
        if (view.registered().isEmpty()) {
            return new LocationReport(status, null, null, null, null, null, null, null, proposed, null);
        }
        LocationEntry e = view.registered().get();
        return new LocationReport(
                status,
                e.location().fields(),
                e.location().oneLine(),
                e.version(),
                e.changedAt().toString(),
                e.changedBy(),
                e.confirmedAt() == null ? null : e.confirmedAt().toString(),
                e.reason(),
                proposed,
                PidfLo.render(e.location(), deviceId, siteName, clock.instant()));
    }
}
