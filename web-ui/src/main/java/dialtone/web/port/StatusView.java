package dialtone.web.port;

/** What the dashboard shows; the agent implements it from its services' current state. */
@FunctionalInterface
public interface StatusView {

    /** Cheap and non-blocking: called on every poll of every open dashboard. */
    Status status();
}
