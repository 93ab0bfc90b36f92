package dialtone.agent.report;

import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.failover.Mode;
import dialtone.agent.modem.ModemRecovery;
import dialtone.agent.web.LocationAdapter;
import dialtone.web.port.FailoverControls;
import dialtone.web.port.LocationControls;
import dialtone.web.port.StatusView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What each remote command does, through the same services as the installer's page (so the same
 * rules apply: a 911 address is validated the same way, a failover test refused for the same
 * reasons). Arguments are checked first: unknown or mistyped ones are a 400 with field errors.
 */
final class RemoteCommands {
    static final int MAX_EVENTS = 100;

    /** The agent's services the commands act through. */
    record Ports(
            StatusView status,
            FailoverControls failover,
            LocationAdapter location,
            ModemRecovery modem,
            EventLog events,
            Configurator config) {}

    private final Ports ports;
    private final Map<String, Function<Command, Response>> handlers;

    RemoteCommands(Ports ports) {
        this.ports = ports;
        this.handlers = Map.of(
                "get-status", this::getStatus,
                "get-config", this::getConfig,
                "set-config", this::setConfig,
                "set-mode", this::setMode,
                "failover-test", this::failoverTest,
                "modem-reset", this::modemReset,
                "get-events", this::getEvents,
                "set-location", this::setLocation,
                "confirm-location", this::confirmLocation);
    }

    /** The names this agent answers to. */
    Set<String> names() {
        return handlers.keySet();
    }

    Response run(Command command) {
        Function<Command, Response> handler = handlers.get(command.name());
        if (handler == null) {
            return Response.refused(command.id(), 404, "unknown command '" + command.name() + "'");
        }
        return handler.apply(command);
    }

    private Response getStatus(Command c) {
        return onlyArgs(c, Set.of())
                .orElseGet(() -> Response.ok(c.id(), "status", ports.status().status()));
    }

    private Response getConfig(Command c) {
        return onlyArgs(c, Set.of())
                .orElseGet(() ->
                        Response.ok(c.id(), "configuration", ports.config().describe()));
    }

    /** {@code {"set": {key: value}, "unset": [key]}} on top of the values set remotely before. */
    private Response setConfig(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of("set", "unset"));
        if (shape.isPresent()) {
            return shape.get();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Object set = c.args().getOrDefault("set", Map.of());
        Object unset = c.args().getOrDefault("unset", List.of());
        if (!(set instanceof Map<?, ?> changes)) {
            errors.put("set", "must be an object of key: value");
        } else {
            changes.forEach((key, value) -> text(value)
                    .ifPresentOrElse(
                            text -> values.put(String.valueOf(key), text),
                            () -> errors.put("set." + key, "must be a string, a number or true/false")));
        }
        if (!(unset instanceof List<?> keys) || !keys.stream().allMatch(String.class::isInstance)) {
            errors.put("unset", "must be a list of keys");
        }
        if (!errors.isEmpty()) {
            return Response.invalid(c.id(), errors);
        }
        Configurator.Change change = ports.config()
                .change(values, ((List<?>) unset).stream().map(String::valueOf).toList(), by(c));
        if (!change.problems().isEmpty()) {
            return Response.invalid(c.id(), change.problems());
        }
        if (!change.restarting()) {
            return Response.ok(c.id(), "nothing to change", Map.of("version", change.version()));
        }
        return new Response(
                c.id(),
                202,
                "configuration version " + change.version() + " kept; the agent restarts to apply it",
                Map.of("version", change.version()));
    }

    /** A configuration value as the file would hold it; empty for what is not a plain value. */
    static Optional<String> text(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? Optional.of(String.valueOf(value))
                : Optional.empty();
    }

    private Response setMode(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of("mode"));
        if (shape.isPresent()) {
            return shape.get();
        }
        Optional<Mode> mode = c.args().get("mode") instanceof String text ? Mode.parse(text) : Optional.empty();
        if (mode.isEmpty()) {
            return Response.invalid(c.id(), Map.of("mode", "must be auto, force-primary or force-lte"));
        }
        ports.failover().setMode(mode.get().id(), by(c));
        return Response.ok(c.id(), "mode set", Map.of("mode", mode.get().id()));
    }

    private Response failoverTest(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of());
        if (shape.isPresent()) {
            return shape.get();
        }
        try {
            return new Response(
                    c.id(), 202, "failover test started", ports.failover().startTest());
        } catch (FailoverControls.Refused refused) {
            return new Response(
                    c.id(), 409, "the failover test cannot start now", Map.of("reasons", refused.reasons()));
        }
    }

    private Response modemReset(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of());
        if (shape.isPresent()) {
            return shape.get();
        }
        return ports.modem()
                .resetOnRequest(by(c))
                .map(why -> Response.refused(c.id(), 409, why))
                .orElseGet(() -> Response.ok(c.id(), "modem reset", null));
    }

    private Response getEvents(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of("since", "limit"));
        if (shape.isPresent()) {
            return shape.get();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        long since = whole(c.args().getOrDefault("since", 0), 0, Long.MAX_VALUE, "since", errors);
        long limit = whole(c.args().getOrDefault("limit", MAX_EVENTS), 1, MAX_EVENTS, "limit", errors);
        if (!errors.isEmpty()) {
            return Response.invalid(c.id(), errors);
        }
        List<Event> events = ports.events().after(since, (int) limit);
        return Response.ok(
                c.id(),
                events.size() + " event(s)",
                Map.of("events", events.stream().map(EventRelay::json).toList()));
    }

    @SuppressWarnings("unchecked")
    private Response setLocation(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of("location"));
        if (shape.isPresent()) {
            return shape.get();
        }
        if (!(c.args().get("location") instanceof Map<?, ?> fields)) {
            return Response.invalid(c.id(), Map.of("location", "must be the location object"));
        }
        Map<String, String> problems = LocationControls.shapeProblems((Map<String, Object>) fields);
        if (!problems.isEmpty()) {
            return Response.invalid(c.id(), prefixed(problems));
        }
        return outcome(
                c,
                "location proposed: it applies once confirmed on site",
                ports.location().propose((Map<String, Object>) fields, by(c)));
    }

    private Response confirmLocation(Command c) {
        Optional<Response> shape = onlyArgs(c, Set.of());
        return shape.orElseGet(
                () -> outcome(c, "location confirmed", ports.location().confirmRemotely(by(c))));
    }

    private static Response outcome(Command c, String done, LocationControls.Outcome outcome) {
        return outcome.problems().isEmpty()
                ? Response.ok(c.id(), done, outcome.report())
                : Response.invalid(c.id(), prefixed(outcome.problems()));
    }

    private static Map<String, String> prefixed(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, problem) -> errors.put("location." + field, problem));
        return errors;
    }

    /** A 400 naming every argument the command does not take. */
    private static Optional<Response> onlyArgs(Command c, Set<String> allowed) {
        Map<String, String> unknown = new LinkedHashMap<>();
        c.args().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> unknown.put(name, "unknown argument"));
        return unknown.isEmpty() ? Optional.empty() : Optional.of(Response.invalid(c.id(), unknown));
    }

    private static long whole(Object value, long min, long max, String name, Map<String, String> errors) {
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number >= min && number <= max) {
                return number;
            }
        }
        errors.put(name, "must be a whole number from " + min + " to " + max);
        return min;
    }

    private static String by(Command c) {
        return "operations (" + c.issuer() + ")";
    }
}
