package dialtone.ops;

import dialtone.agent.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line of {@code dialtone-ops}: how to reach the broker (options, else the
 * {@code DIALTONE_OPS_*} environment variables) and one action. Pure: no file is read here.
 */
public record OpsArgs(Connection connection, Action action) {
    public static final String USAGE = """
            Usage: dialtone-ops [CONNECTION] devices [--wait 2s] [--json]
                   dialtone-ops [CONNECTION] send DEVICE COMMAND [ARGS_JSON] [--issuer ops:NAME] [--ttl 60s]
                                [--sign-key ops-ed25519.pem] [--timeout 15s]
                   dialtone-ops keygen DIR

              devices          every device's retained state, sorted by id (--json: for machines)
              send             sends COMMAND (docs/mqtt.md) to DEVICE, prints the response; ARGS_JSON is an
                               object such as '{"mode":"force-lte"}'; --sign-key signs it (Ed25519)
              keygen DIR       writes DIR/ops-ed25519.pem (the signing key, 0600) and DIR/ops-ed25519.pub.pem
                               (for the boxes' mqtt.command.key)

            CONNECTION (each also from the environment variable in brackets):
              --url URL              tcp://host:1883 or ssl://host:8883 [DIALTONE_OPS_URL]
              --ca FILE              PEM CA of the broker's certificate, else the JDK's [DIALTONE_OPS_CA]
              --cert FILE --key FILE client certificate and PKCS#8 key, mutual TLS [DIALTONE_OPS_CERT, _KEY]
              --username U           [DIALTONE_OPS_USERNAME]
              --password-file FILE   the password, never on the command line [DIALTONE_OPS_PASSWORD_FILE,
                                     or the password itself in DIALTONE_OPS_PASSWORD]
            The issuer defaults to DIALTONE_OPS_ISSUER, else ops:$USER; the signing key to DIALTONE_OPS_SIGN_KEY.

            Exit codes: 0 done (2xx); 1 the device refused or failed (4xx, 5xx); 2 bad command line or files;
            3 no answer in time, or the broker unreachable.
            """;

    static final Duration WAIT = Duration.ofSeconds(2);
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern DEVICE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /**
     * How to reach the broker; a null path was not given.
     *
     * @param password from {@code DIALTONE_OPS_PASSWORD}, when no password file is named
     */
    public record Connection(
            String url, Path ca, Path cert, Path key, String username, Path passwordFile, Secret password) {}

    /** What to do. */
    public sealed interface Action permits Devices, Send, Keygen, Help {}

    /** List every device's retained state, collecting for {@code collect} (--wait). */
    public record Devices(Duration collect, boolean json) implements Action {}

    /** Send one command and wait for its response. @param signKey null: unsigned */
    public record Send(
            String device,
            String command,
            Map<String, Object> args,
            String issuer,
            Duration ttl,
            Path signKey,
            Duration timeout)
            implements Action {}

    /** Write a new signing key pair into {@code dir}. */
    public record Keygen(Path dir) implements Action {}

    /** Print the usage. */
    public record Help() implements Action {}

    /** A command line we cannot use; the message says why, in one line. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    public static OpsArgs parse(List<String> argv, Map<String, String> env) {
        OpsCommandLine line = OpsCommandLine.scan(argv, env);
        if (line.wantsHelp()) {
            return new OpsArgs(null, new Help());
        }
        return switch (line.action()) {
            case "devices" -> new OpsArgs(connection(line), devices(line));
            case "send" -> new OpsArgs(connection(line), send(line));
            default ->
                new OpsArgs(
                        null,
                        new Keygen(OpsCommandLine.toPath(
                                "DIR", only(line, 1, "keygen DIR").get(0))));
        };
    }

    private static Devices devices(OpsCommandLine line) {
        only(line, 0, "devices");
        return new Devices(
                line.duration("--wait", WAIT, Duration.ofMillis(100), Duration.ofMinutes(1)), line.flag("--json"));
    }

    private static Send send(OpsCommandLine line) {
        List<String> operands = line.operands();
        if (operands.size() < 2 || operands.size() > 3) {
            throw new UsageException("send needs DEVICE COMMAND [ARGS_JSON]");
        }
        String device = operands.get(0);
        if (!DEVICE.matcher(device).matches()) {
            throw new UsageException("DEVICE '" + device + "' is not a device id (lowercase letters, digits, inner -)");
        }
        String command = operands.get(1);
        if (!COMMAND.matcher(command).matches()) {
            throw new UsageException("COMMAND '" + command + "' is not a command name such as get-status");
        }
        Map<String, Object> args;
        try {
            args = operands.size() == 3 ? OpsJson.object(operands.get(2)) : Map.of();
        } catch (OpsJson.NotAnObject e) {
            throw new UsageException("ARGS_JSON " + e.getMessage());
        }
        String issuer = line.value("--issuer", "DIALTONE_OPS_ISSUER");
        if (issuer == null && line.env("USER") == null) {
            throw new UsageException("who sends this? give --issuer ops:NAME or set DIALTONE_OPS_ISSUER");
        }
        return new Send(
                device,
                command,
                args,
                issuer == null ? "ops:" + line.env("USER") : issuer,
                line.duration("--ttl", TTL, Duration.ofSeconds(1), Duration.ofDays(7)),
                line.path("--sign-key", "DIALTONE_OPS_SIGN_KEY"),
                line.duration("--timeout", TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(10)));
    }

    private static Connection connection(OpsCommandLine line) {
        String url = line.value("--url", "DIALTONE_OPS_URL");
        if (url == null) {
            throw new UsageException("which broker? give --url ssl://HOST:8883 or set DIALTONE_OPS_URL");
        }
        if (!url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
            throw new UsageException("--url must be tcp://HOST:PORT or ssl://HOST:PORT, not " + url);
        }
        Path ca = line.path("--ca", "DIALTONE_OPS_CA");
        Path cert = line.path("--cert", "DIALTONE_OPS_CERT");
        Path key = line.path("--key", "DIALTONE_OPS_KEY");
        if ((cert == null) != (key == null)) {
            throw new UsageException("--cert and --key go together (mutual TLS)");
        }
        if (url.startsWith("tcp://") && (ca != null || cert != null)) {
            throw new UsageException("--ca, --cert and --key need an ssl:// url");
        }
        Path passwordFile = line.path("--password-file", "DIALTONE_OPS_PASSWORD_FILE");
        String password = passwordFile == null ? line.env("DIALTONE_OPS_PASSWORD") : null;
        String username = line.value("--username", "DIALTONE_OPS_USERNAME");
        return new Connection(
                url,
                ca,
                cert,
                key,
                username == null ? "" : username,
                passwordFile,
                password == null ? Secret.NONE : new Secret(password));
    }

    private static List<String> only(OpsCommandLine line, int count, String form) {
        if (line.operands().size() != count) {
            throw new UsageException("usage: dialtone-ops " + form);
        }
        return line.operands();
    }
}
