package dialtone.agent.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dialtone.agent.events.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.tinylog.Logger;

/**
 * The desired configuration on {@code cfg/desired} (retained): {@code {"ver", "iss", "doc"}}, the
 * whole remote layer at version {@code ver}, authorised like {@code set-config} (its signature
 * covers {@code "cfg/desired\n"} and the payload). A version the device has applied, or an older
 * one, is nothing to do; a newer one is checked and applied, or refused with an event that lists
 * every problem. The state document's {@code cfgVer} says which version runs.
 */
final class DesiredConfig {
    private final Configurator configurator;
    private final CommandGate gate;
    private final EventLog events;

    DesiredConfig(Configurator configurator, CommandGate gate, EventLog events) {
        this.configurator = configurator;
        this.gate = gate;
        this.events = events;
    }

    void handle(byte[] payload, String signature) {
        Map<String, Object> desired;
        try {
            desired = JSON.std.mapFrom(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            desired = null;
        }
        if (desired == null
                || !(desired.get("ver") instanceof Number ver)
                || ver.longValue() <= 0
                || !(desired.get("iss") instanceof String issuer)
                || !(desired.get("doc") instanceof Map<?, ?> doc)) {
            rejected(
                    0,
                    "the desired configuration must be {\"ver\": n, \"iss\": \"...\", \"doc\": {key: value}}",
                    Map.of());
            return;
        }
        long version = ver.longValue();
        if (version <= configurator.appliedVersion()) {
            Logger.debug("Desired configuration version {} is applied already", version);
            return;
        }
        Optional<Response> refusal = gate.authorisation(
                "cfg-" + version, "set-config", issuer, Command.signed("cfg/desired", payload), signature);
        if (refusal.isPresent()) {
            rejected(version, refusal.get().message(), Map.of());
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        doc.forEach((key, value) -> RemoteCommands.text(value)
                .ifPresentOrElse(
                        text -> values.put(String.valueOf(key), text),
                        () -> problems.put(String.valueOf(key), "must be a string, a number or true/false")));
        if (problems.isEmpty()) {
            SortedMap<String, String> invalid = configurator.problems(values);
            problems.putAll(invalid);
        }
        if (!problems.isEmpty()) {
            rejected(version, problems.size() + " problem(s)", problems);
            return;
        }
        configurator.apply(new RemoteConfig(version, values), "operations (" + issuer + ") via cfg/desired");
    }

    private void rejected(long version, String why, Map<String, String> problems) {
        Map<String, Object> facts = new LinkedHashMap<>(problems);
        facts.put("version", version);
        events.append(
                "config-rejected",
                "warning",
                "Desired configuration version " + version + " not applied: " + why,
                facts);
    }
}
