package dialtone.agent.failover;

import dialtone.hal.Uplink;
import java.util.Map;

/** What the failover policy asks the controller to do. */
public sealed interface FailoverAction {

    /** Point the default route at {@code to}, then forget the other uplink's NAT state. */
    record Activate(Uplink to, String reason) implements FailoverAction {}

    /** Send a SIP OPTIONS to the SBC through the primary and report the answer. */
    record CheckSbcViaPrimary() implements FailoverAction {}

    /** Put an event into the event log (and the MQTT and e-mail streams that read it). */
    record Report(String type, String severity, String message, Map<String, Object> facts) implements FailoverAction {}
}
