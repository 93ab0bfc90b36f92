package dialtone.web.api;

import dialtone.web.json.Json;
import dialtone.web.port.ConfigView;
import dialtone.web.port.EventsView;
import dialtone.web.port.EventsView.EventQuery;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.LogView;
import dialtone.web.port.StatusView;
import dialtone.web.port.UsageView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/v1/diagnostics}: a zip for the provider's support with the status, the effective
 * configuration (secrets as {@code ****}: the agent never hands them to the web UI), the usage
 * meter, the last failover test, the recent events and the agent's recent log.
 */
public final class DiagnosticsHandler extends JsonHandler {
    public static final String PATH = "/api/v1/diagnostics";
    static final int EVENTS = 500;

    /** What goes into the bundle. */
    public record Sources(
            StatusView status,
            ConfigView config,
            UsageView usage,
            FailoverControls failover,
            EventsView events,
            LogView log) {}

    private static final String README = """
            Dialtone diagnostics bundle
            status.json       the site at a glance (GET /api/v1/status)
            config.json       the effective configuration and each key's source; secrets as ****
            usage.json        the LTE data meter (GET /api/v1/usage)
            failover-test.json the last installer failover test, or null
            events.json       the newest %d events, newest first
            agent.log         the agent's recent log, oldest first (all of it: journalctl -u dialtone-agent)
            """.formatted(EVENTS);

    private final Sources sources;

    public DiagnosticsHandler(Sources sources) {
        this.sources = sources;
    }

    @Override
    protected Reply get(Request request, Response response) {
        noQuery(request);
        String device = sources.status().status().site().deviceId();
        return Reply.ok(new Download("application/zip", "dialtone-diagnostics-" + safe(device) + ".zip", bundle()));
    }

    byte[] bundle() {
        Map<String, Supplier<Object>> files = new LinkedHashMap<>();
        files.put("status.json", () -> sources.status().status());
        files.put("config.json", () -> sources.config().effective());
        files.put("usage.json", () -> sources.usage().usage());
        files.put("failover-test.json", () -> sources.failover().latestTest().orElse(null));
        files.put("events.json", () -> sources.events().page(EventQuery.newest(EVENTS)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", README);
            for (Map.Entry<String, Supplier<Object>> file : files.entrySet()) {
                put(zip, file.getKey(), Json.write(file.getValue().get()));
            }
            put(zip, "agent.log", String.join("\n", sources.log().recent()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String safe(String deviceId) {
        return deviceId == null ? "device" : deviceId.replaceAll("[^a-z0-9-]", "");
    }
}
