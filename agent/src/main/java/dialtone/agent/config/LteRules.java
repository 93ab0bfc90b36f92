package dialtone.agent.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for the modem's data settings and SIM PIN, shared by the configuration file and the
 * installer's settings page: each answers the problem with a value, or nothing when it is fine
 * (an empty value is fine: not set).
 */
public final class LteRules {
    private static final Pattern APN = Pattern.compile("[A-Za-z0-9_-]{1,63}(?:\\.[A-Za-z0-9_-]{1,63})*");
    private static final Pattern CREDENTIAL = Pattern.compile("[^\"\\\\\\p{Cntrl}]{1,64}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

    private LteRules() {}

    public static Optional<String> apn(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 100) {
            return Optional.of("must be at most 100 characters");
        }
        return APN.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("must be an APN: letters, digits, dashes and underscores in dot-separated labels");
    }

    public static Optional<String> credential(String value) {
        return value.isEmpty() || CREDENTIAL.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("must be up to 64 characters without quotes or backslashes");
    }

    /** Never repeats the value: it is a secret. */
    public static Optional<String> pin(String value) {
        return value.isEmpty() || PIN.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("must be 4 to 8 digits");
    }
}
