package dialtone.hal;

/** The two ways out of the site: the wired Internet line and the metered LTE backup. */
public enum Uplink {
    PRIMARY,
    LTE;

    /** The lowercase name used in the API, MQTT and logs: {@code primary} or {@code lte}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
