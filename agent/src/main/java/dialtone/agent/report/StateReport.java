package dialtone.agent.report;

import dialtone.web.port.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The retained {@code state} document: the device's current truth for the operations team's
 * dashboards, small (it is sent again on every change) and free of fast-moving numbers (usage in
 * whole percent), so a steady site does not re-publish it. Also the Will, with {@code online} false.
 */
final class StateReport {
    private StateReport() {}

    /** The live document, from the status the installer's page shows. */
    static Map<String, Object> online(Status s, long boot, String version, long cfgVer, long eventsDropped) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("online", true);
        doc.put("boot", boot);
        doc.put("agent", version);
        doc.put("uplink", s.activeUplink());
        doc.put("mode", s.mode());
        doc.put("phase", s.failover().phase());
        doc.put("primary", s.primary().state());
        doc.put("lte", s.lte().state());
        doc.put("bars", s.lte().signal() == null ? null : s.lte().signal().bars());
        doc.put(
                "usagePercent",
                s.usage().percent() == null ? null : (int) Math.floor(s.usage().percent()));
        doc.put("e911", s.e911().status());
        doc.put("cfgVer", cfgVer);
        doc.put("alerts", alerts(s, eventsDropped));
        return doc;
    }

    /** The Will: the broker publishes it when the device is lost without a goodbye. */
    static Map<String, Object> offline(long boot, String why) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("online", false);
        doc.put("boot", boot);
        doc.put("why", why);
        return doc;
    }

    /** The fields worth bytes on LTE at once: where the traffic goes, how the failover stands, 911. */
    static boolean substantiallyChanged(Map<String, Object> before, Map<String, Object> now) {
        return Stream.of("online", "uplink", "phase", "mode", "e911", "cfgVer")
                .anyMatch(key -> !Objects.equals(before.get(key), now.get(key)));
    }

    /** What needs a person's attention, as short stable codes. */
    static List<String> alerts(Status s, long eventsDropped) {
        List<String> alerts = new ArrayList<>();
        if (s.activeUplink().equals("none")) {
            alerts.add("no-uplink");
        } else if (s.activeUplink().equals("lte")) {
            alerts.add("on-lte");
        }
        if (s.primary().state().equals("down")) {
            alerts.add("primary-down");
        }
        if (!s.e911().status().equals("registered")) {
            alerts.add("e911-" + s.e911().status());
        }
        Double percent = s.usage().percent();
        if (percent != null && percent >= 100) {
            alerts.add("usage-over-cap");
        } else if (percent != null && percent >= 80) {
            alerts.add("usage-80");
        }
        if (s.lte().modem() != null && s.lte().modem().stale() != null) {
            alerts.add("modem-silent");
        }
        if (s.notifications() != null && s.notifications().lastError() != null) {
            alerts.add("email-failing");
        }
        if (eventsDropped > 0) {
            alerts.add("events-dropped");
        }
        return alerts;
    }
}
