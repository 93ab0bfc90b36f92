package dialtone.agent.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.tinylog.Logger;

/**
 * Takes a command off {@code cmd/{name}} and answers on {@code res} (and hands the desired
 * configuration to {@link DesiredConfig}): a malformed one gets a 400
 * that says what is wrong; a repeated id gets the answer it got the first time and runs nothing;
 * an expired, unauthorised or unsigned one is refused; the rest run. The response carries the
 * request's MQTT 5 correlation data (or its id). Nothing a sender puts in a payload can crash it.
 */
final class CommandDesk {
    private final Topics topics;
    private final CommandGate gate;
    private final CommandMemory memory;
    private final RemoteCommands commands;
    private final DesiredConfig desired;
    private final BiConsumer<byte[], byte[]> respond;
    private final Clock clock;

    /** @param respond publishes (response JSON, correlation data) on {@code res} */
    CommandDesk(
            Topics topics,
            CommandGate gate,
            CommandMemory memory,
            RemoteCommands commands,
            DesiredConfig desired,
            BiConsumer<byte[], byte[]> respond,
            Clock clock) {
        this.topics = topics;
        this.gate = gate;
        this.memory = memory;
        this.commands = commands;
        this.desired = desired;
        this.respond = respond;
        this.clock = clock;
    }

    void handle(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        if (topic.equals(topics.desiredConfig())) {
            try {
                desired.handle(message.getPayload(), signature(properties));
            } catch (RuntimeException e) {
                Logger.error(e, "The desired configuration could not be handled");
            }
            return;
        }
        Optional<String> name = topics.commandName(topic);
        if (name.isEmpty()) {
            return;
        }
        byte[] correlation = properties == null ? null : properties.getCorrelationData();
        try {
            Command command = Command.parse(name.get(), message.getPayload());
            byte[] key = correlation != null ? correlation : command.id().getBytes(StandardCharsets.UTF_8);
            Optional<String> earlier = memory.answer(command.id());
            if (earlier.isPresent()) {
                Logger.info("Command {} {} again: answered as before, not run twice", command.name(), command.id());
                respond.accept(earlier.get().getBytes(StandardCharsets.UTF_8), key);
                return;
            }
            Optional<Response> refusal = gate.refusal(command, signature(properties), clock.instant());
            if (refusal.isPresent()) {
                Logger.warn(
                        "Command {} {} from {} refused: {}",
                        command.name(),
                        command.id(),
                        command.issuer(),
                        refusal.get().message());
                respond.accept(Json.bytes(refusal.get().json()), key);
                return;
            }
            Response response = run(command);
            byte[] answer = Json.bytes(response.json());
            memory.remember(command.id(), new String(answer, StandardCharsets.UTF_8));
            respond.accept(answer, key);
        } catch (Command.Malformed malformed) {
            Logger.warn("Malformed command on {}: {}", topic, malformed.getMessage());
            respond.accept(
                    Json.bytes(Response.refused(malformed.id, 400, malformed.getMessage())
                            .json()),
                    correlation);
        } catch (RuntimeException e) {
            Logger.error(e, "Command on {} could not be answered", topic);
        }
    }

    private Response run(Command command) {
        Logger.info("Command {} {} from {}", command.name(), command.id(), command.issuer());
        try {
            return commands.run(command);
        } catch (RuntimeException e) {
            Logger.error(e, "Command {} {} failed", command.name(), command.id());
            return Response.refused(command.id(), 500, "failed: " + e.getMessage());
        }
    }

    /** The {@code sig} user property: base64 Ed25519 over the command's name and payload. */
    private static String signature(MqttProperties properties) {
        if (properties == null || properties.getUserProperties() == null) {
            return null;
        }
        return properties.getUserProperties().stream()
                .filter(p -> p.getKey().equals("sig"))
                .map(UserProperty::getValue)
                .findFirst()
                .orElse(null);
    }
}
