package dialtone.agent.config;

/** A configured secret: prints as {@code ****} so it cannot slip into a log or a response. */
public record Secret(String value) {
    public static final Secret NONE = new Secret("");

    public boolean isSet() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return isSet() ? "****" : "";
    }
}
