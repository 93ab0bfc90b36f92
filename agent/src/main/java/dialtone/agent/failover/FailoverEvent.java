package dialtone.agent.failover;

import dialtone.hal.Uplink;

/** What the failover policy hears about. */
public sealed interface FailoverEvent {

    /** A probe round of the primary finished. */
    record PrimaryHealth(UplinkHealth health) implements FailoverEvent {}

    /** The LTE modem is (not) registered with a data bearer: costs nothing to know. */
    record LteReadiness(boolean ready) implements FailoverEvent {}

    /** How many media (RTP) flows are active: calls in progress. */
    record MediaFlows(int active) implements FailoverEvent {}

    /** Whether the provider's SBC answered a SIP OPTIONS sent through the primary. */
    record SbcViaPrimary(boolean answered) implements FailoverEvent {}

    record ModeSet(Mode mode, String by) implements FailoverEvent {}

    /** The default route now points at {@code to}; the old uplink's flows are forgotten. */
    record Switched(Uplink to) implements FailoverEvent {}

    record SwitchFailed(Uplink to, String error) implements FailoverEvent {}

    /** Time passed: hold times and waits are judged on every tick. */
    record Tick() implements FailoverEvent {}
}
