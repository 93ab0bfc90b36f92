package dialtone.agent.report;

import dialtone.agent.config.AgentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import org.tinylog.Logger;

/** Remote management as the configuration sets it up: the link to the broker, and who may command. */
public final class ReportSetup {
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    private ReportSetup() {}

    /** The configuration names files the agent cannot use; for the operator, not a crash. */
    public static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** The link to the broker; empty when {@code mqtt.url} is not set (remote management off). */
    public static Optional<MqttLink> link(AgentConfig config, LteMeter meter) throws Problem {
        AgentConfig.Mqtt mqtt = config.mqtt();
        if (mqtt.url().isEmpty()) {
            return Optional.empty();
        }
        try {
            MqttLink.Settings settings = new MqttLink.Settings(
                    mqtt.url(),
                    config.device().id(),
                    mqtt.username(),
                    mqtt.password().value().getBytes(StandardCharsets.UTF_8),
                    mqtt.url().startsWith("ssl://")
                            ? TlsFiles.socketFactory(mqtt.tlsCa(), mqtt.tlsCert(), mqtt.tlsKey())
                            : null,
                    mqtt.keepAlivePrimary(),
                    mqtt.keepAliveLte(),
                    mqtt.willDelay(),
                    BACKOFF);
            return Optional.of(new MqttLink(settings, new Topics(config.device().id()), meter));
        } catch (TlsFiles.TlsFileException e) {
            throw new Problem("mqtt.tls: " + e.getMessage());
        }
    }

    /** Who may command the device; a command key that cannot be read is a problem too. */
    public static ReportService.Setup setup(AgentConfig config, String version) throws Problem {
        AgentConfig.Mqtt mqtt = config.mqtt();
        PublicKey key = null;
        if (mqtt.commandKey() != null) {
            try {
                key = CommandGate.publicKey(mqtt.commandKey());
            } catch (IOException | GeneralSecurityException e) {
                throw new Problem("mqtt.command.key: not an Ed25519 public key in PEM: " + e.getMessage());
            }
        }
        if (mqtt.issuers().isEmpty()) {
            Logger.warn("mqtt.command.issuers is empty: every remote command will be refused");
        }
        return new ReportService.Setup(
                new Topics(config.device().id()),
                new CommandGate(mqtt.issuers(), key, mqtt.signedCommands()),
                version,
                mqtt);
    }
}
