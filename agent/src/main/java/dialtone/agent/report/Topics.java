package dialtone.agent.report;

import java.util.Optional;

/** One device's MQTT topics, as DESIGN.md fixes them: {@code dialtone/v1/{dev}/...}. */
public record Topics(String device) {
    static final String ROOT = "dialtone/v1/";

    /** Retained: the device's current truth; also its Will. */
    public String state() {
        return base() + "state";
    }

    /** Events, each with the device's sequence number. */
    public String events() {
        return base() + "evt";
    }

    /** Telemetry batches. */
    public String telemetry() {
        return base() + "tele";
    }

    /** Command responses. */
    public String responses() {
        return base() + "res";
    }

    /** The filter the device subscribes to for commands. */
    public String commands() {
        return base() + "cmd/+";
    }

    /** Retained, versioned desired configuration. */
    public String desiredConfig() {
        return base() + "cfg/desired";
    }

    /** The command's name when {@code topic} is one of this device's command topics. */
    public Optional<String> commandName(String topic) {
        String prefix = base() + "cmd/";
        return topic.startsWith(prefix) && topic.length() > prefix.length()
                ? Optional.of(topic.substring(prefix.length()))
                : Optional.empty();
    }

    private String base() {
        return ROOT + device + "/";
    }
}
