package dialtone.agent.runtime;

/**
 * A long-lived part of the agent. Started in dependency order and stopped in reverse by {@link
 * ServiceGroup}; both calls are idempotent. {@code stop} must not throw for expected trouble.
 */
public interface Service {

    String name();

    void start();

    void stop();
}
