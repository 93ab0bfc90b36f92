package dialtone.web.api;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.port.ConfigView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/v1/config}: the effective configuration, each key with its value and where it
 * comes from; secrets as {@code ****}. {@code PUT /api/v1/config} with {@code {"set": {key: value},
 * "unset": [key]}}: the installer's part of the setup (site, primary line, SBCs, data plan, e-mail
 * recipients), checked as a start would check it; every problem at once, under its key, and nothing
 * changes; else 202 and the agent restarts to apply it (routes, firewall and calls are untouched).
 * Other keys are the operations team's.
 */
public final class ConfigHandler extends JsonHandler {
    public static final String PATH = "/api/v1/config";
    public static final Set<String> INSTALLER_KEYS = Set.of(
            "site.name",
            "uplink.primary.interface",
            "uplink.primary.gateway",
            "sbc.hosts",
            "usage.cap",
            "usage.cycle-start-day",
            "usage.timezone",
            "notify.email.customer",
            "notify.email.support");

    private final ConfigView config;

    public ConfigHandler(ConfigView config) {
        this.config = config;
    }

    @Override
    protected Reply get(Request request, Response response) {
        noQuery(request);
        return Reply.ok(config.effective());
    }

    @Override
    protected Reply put(Request request, Response response) {
        noQuery(request);
        Map<String, Object> body = JsonBody.read(request);
        Map<String, String> errors = new TreeMap<>();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        body.keySet().stream()
                .filter(field -> !field.equals("set") && !field.equals("unset"))
                .forEach(field -> errors.put(field, "unknown field: send set and unset"));
        if (!(body.getOrDefault("set", Map.of()) instanceof Map<?, ?> values)) {
            errors.put("set", "must be an object of key: value");
        } else {
            values.forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    set.put(String.valueOf(key), String.valueOf(value));
                } else {
                    errors.put(String.valueOf(key), "must be text, a number or true/false");
                }
            });
        }
        if (!(body.getOrDefault("unset", List.of()) instanceof List<?> keys)) {
            errors.put("unset", "must be a list of keys");
        } else {
            keys.forEach(key -> unset.add(String.valueOf(key)));
        }
        set.keySet().forEach(key -> allowed(key, errors));
        unset.forEach(key -> allowed(key, errors));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ConfigView.Change change = config.change(set, unset, "installer (web)");
        if (!change.problems().isEmpty()) {
            throw ApiException.invalid(change.problems());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", change.version());
        answer.put("restarting", change.restarting());
        return new Reply(change.restarting() ? 202 : 200, answer);
    }

    private static void allowed(String key, Map<String, String> errors) {
        if (!INSTALLER_KEYS.contains(key)) {
            errors.put(key, "not set on this page: the operations team sets it");
        }
    }
}
