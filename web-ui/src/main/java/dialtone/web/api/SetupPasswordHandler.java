package dialtone.web.api;

import dialtone.web.auth.InstallerPassword;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.tinylog.Logger;

/**
 * {@code POST /api/v1/setup/password} with {@code {"password": "..."}}: the first start, on a device
 * that has no installer password yet (provisioning did not give one). Only once (409 after), only
 * from the LAN (a private, link-local or loopback address), and not a password anyone would guess.
 */
public final class SetupPasswordHandler extends JsonHandler {
    public static final String PATH = "/api/v1/setup/password";
    static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final Set<String> GUESSABLE = Set.of(
            "password", "12345678", "123456789", "1234567890", "qwertyuiop", "dialtone", "installer", "voipvoip");

    private final InstallerPassword password;

    public SetupPasswordHandler(InstallerPassword password) {
        this.password = password;
    }

    @Override
    protected Reply post(Request request, Response response) {
        String from = Request.getRemoteAddr(request);
        if (!fromLan(from)) {
            throw new ApiException(403, "not-from-lan", "The installer password can only be set from the LAN.");
        }
        JsonFields body = new JsonFields(JsonBody.read(request));
        String candidate = body.string("password");
        body.done();
        if (password.isSet()) {
            throw alreadySet();
        }
        weakness(candidate).ifPresent(problem -> {
            throw ApiException.invalid(Map.of("password", problem));
        });
        if (!password.provisionIfAbsent(candidate)) {
            throw alreadySet();
        }
        Logger.info("Installer password set on first start (from {})", from);
        return new Reply(201, Map.of("passwordSet", true));
    }

    /** Why this cannot be the installer password: too short or long, or easily guessed. */
    public static Optional<String> weakness(String candidate) {
        Optional<String> problem = InstallerPassword.problem(candidate);
        if (problem.isPresent()) {
            return problem;
        }
        if (candidate.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("must have at least " + MIN_DISTINCT_CHARACTERS + " different characters");
        }
        if (GUESSABLE.stream().anyMatch(candidate.toLowerCase(java.util.Locale.ROOT)::startsWith)) {
            return Optional.of("is too easy to guess");
        }
        if (candidate.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /** A loopback, RFC 1918, link-local or unique-local address; never the LTE side's CGNAT. */
    public static boolean fromLan(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.%\\[\\]]{2,64}")) {
            return false;
        }
        try {
            InetAddress ip = InetAddress.getByName(address); // a literal: no name lookup
            return ip.isLoopbackAddress()
                    || ip.isSiteLocalAddress()
                    || ip.isLinkLocalAddress()
                    || (ip.getAddress().length == 16 && (ip.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ApiException alreadySet() {
        return new ApiException(
                409, "password-already-set", "This device already has an installer password; log in with it.");
    }
}
