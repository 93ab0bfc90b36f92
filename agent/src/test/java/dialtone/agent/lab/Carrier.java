package dialtone.agent.lab;

/** The LTE carrier's own byte counter in the lab: what it would bill (IP bytes, both ways). */
public final class Carrier {
    private Carrier() {}

    public static long billedBytes(Lab lab) {
        String json = lab.run("lte", "nft", "-j", "list", "counter", "ip", "carrier", "subscriber_bytes");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"bytes\":\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no carrier counter: " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
